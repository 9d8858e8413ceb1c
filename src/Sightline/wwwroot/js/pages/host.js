// The host page: summary with reputation, and a tab per kind of observation, each loaded on first view.

import { getJson, getPage, key, query, ApiError } from '../api.js';
import { h, title, errorBox, facts, pivotLink, formatDate, pagedTable, tabs, routeForApiUrl, route, getOrMissing } from '../ui.js';
import { columns } from '../columns.js';
import { renderResolutions } from './host-resolutions.js';
import { renderWhois } from './host-whois.js';

const load = (path) => getPage(path);

function isIp(host) {
  return (host['@odata.type'] || '').endsWith('ipAddress');
}

function summary(host) {
  const as = host.autonomousSystem;
  return h('section', { class: 'panel host-summary', 'aria-labelledby': 'summary-heading' },
    h('h2', { id: 'summary-heading' }, 'Summary'),
    facts([
      ['Kind', isIp(host) ? 'IP address' : 'Host name'],
      ['First seen', formatDate(host.firstSeenDateTime)],
      ['Last seen', formatDate(host.lastSeenDateTime)],
      ['ASN', as ? pivotLink('asn', as.number, { text: as.value || `AS${as.number} ${as.name || ''}`.trim() }) : ''],
      ['Country or region', pivotLink('country', host.countryOrRegion)],
      ['Netblock', pivotLink('netblock', host.netblock)],
      ['Hosting provider', host.hostingProvider],
      ['Registrar', pivotLink('registrar', host.registrar)],
      ['Registrant', pivotLink('registrant', host.registrant)],
      ['Neighbourhood', pivotLink('graph', host.id, { text: 'relationship graph' })],
    ]));
}

function reputationPanel(reputation) {
  const panel = h('section', { class: 'panel host-reputation', 'aria-labelledby': 'reputation-heading' },
    h('h2', { id: 'reputation-heading' }, 'Reputation'));
  if (!reputation) {
    panel.append(h('p', { class: 'empty' }, 'No reputation computed.'));
    return panel;
  }
  panel.append(h('p', {},
    h('span', { class: `badge badge-${reputation.classification}`, dataset: { classification: reputation.classification } }, reputation.classification),
    ' score ', h('strong', { class: 'score' }, String(reputation.score)), ' of 100'));
  const rules = reputation.rules || [];
  if (rules.length) {
    panel.append(h('ul', { class: 'rules', tabindex: '0', 'aria-label': 'Rules that fired' }, rules.map((rule) => {
      const href = routeForApiUrl(rule.relatedDetailsUrl);
      return h('li', { class: 'rule' },
        h('span', { class: `severity-${rule.severity}` }, `[${rule.severity}] `),
        h('strong', {}, rule.name), ': ', rule.description,
        href ? [' ', h('a', { href, class: 'evidence' }, 'evidence')] : '');
    })));
  }
  return panel;
}

function listTab(path, cols, exportName, empty) {
  return async (panel) => {
    const t = await pagedTable(cols, path, load, { exportName, empty });
    panel.append(t.element);
  };
}

export async function render(root, params) {
  const id = params.id;
  const host = await getOrMissing(root, `hosts/${key(id)}`, id, `${id} is not in the store.`);
  if (!host) return;
  const base = `hosts/${key(host.id)}`;
  let reputation = null;
  try {
    reputation = await getJson(`${base}/reputation`);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
  }
  root.append(title(host.id, ' ', h('span', { class: 'kind' }, isIp(host) ? '(IP address)' : '(host name)')));
  root.append(h('div', { class: 'summary' }, summary(host), reputationPanel(reputation)));

  const name = host.id;
  const items = [
    { id: 'resolutions', label: 'Resolutions', render: (panel) => renderResolutions(panel, host) },
    { id: 'whois', label: 'WHOIS', render: (panel) => renderWhois(panel, host) },
    { id: 'certificates', label: 'Certificates', render: listTab(`${base}/sslCertificates${query({ $top: 50 })}`, columns.hostSslCertificates, `${name}-certificates`, 'No certificates seen.') },
    { id: 'subdomains', label: 'Subdomains', render: listTab(`${base}/subdomains${query({ $top: 100 })}`, columns.subdomains, `${name}-subdomains`, 'No subdomains seen.') },
    { id: 'trackers', label: 'Trackers', render: listTab(`${base}/trackers${query({ $top: 100 })}`, columns.hostTrackers, `${name}-trackers`, 'No trackers seen.') },
    { id: 'components', label: 'Components', render: listTab(`${base}/components${query({ $top: 100 })}`, columns.hostComponents, `${name}-components`, 'No components seen.') },
    { id: 'pairs', label: 'Host pairs', render: listTab(`${base}/hostPairs${query({ $top: 100 })}`, columns.hostPairs, `${name}-host-pairs`, 'No host pairs seen.') },
    { id: 'cookies', label: 'Cookies', render: listTab(`${base}/cookies${query({ $top: 100 })}`, columns.hostCookies, `${name}-cookies`, 'No cookies seen.') },
    { id: 'ports', label: 'Ports', render: listTab(`${base}/ports${query({ $top: 50, $expand: 'mostRecentSslCertificate' })}`, columns.hostPorts, `${name}-ports`, 'No ports seen.') },
  ];
  const set = tabs(items, {
    selected: params.tab,
    label: `Observations of ${host.id}`,
    onSelect: (tab) => history.replaceState(null, '', `${location.pathname}${route(`host/${encodeURIComponent(host.id)}`, { tab })}`),
  });
  root.append(set.element);
  set.start();
}
