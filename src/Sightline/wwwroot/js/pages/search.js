// Search: recognises the query's kind and shows what it leads to.

import { getJson, getPage, key, query, literal } from '../api.js';
import { classify } from '../classify.js';
import { h, title, errorBox, pivotLink, pivotHref, pagedTable, formatDate, getOrMissing } from '../ui.js';
import { columns } from '../columns.js';

const load = (path) => getPage(path);

async function hostResult(root, id) {
  const host = await getOrMissing(root, `hosts/${key(id)}`, null, `${id} is not in the store.`);
  if (!host) return;
  let reputation = null;
  try {
    reputation = await getJson(`hosts/${key(id)}/reputation`);
  } catch {
    reputation = null;
  }
  root.append(h('section', { class: 'result-card', 'aria-label': 'Host' },
    h('h2', {}, pivotLink('host', host.id)),
    h('p', {},
      host['@odata.type'] === '#microsoft.graph.security.ipAddress' ? 'IP address' : 'Host name',
      host.firstSeenDateTime ? ` · first seen ${formatDate(host.firstSeenDateTime)}` : '',
      host.lastSeenDateTime ? ` · last seen ${formatDate(host.lastSeenDateTime)}` : '',
      reputation ? [' · reputation ', h('span', { class: `badge badge-${reputation.classification}` }, `${reputation.classification} ${reputation.score}`)] : '')));
}

async function textResults(root, text, heading = 'h2') {
  const search = `"${text.replaceAll('"', '')}"`;
  for (const [set, label] of [['articles', 'Articles'], ['intelProfiles', 'Intel profiles']]) {
    const section = h('section', { 'aria-label': label }, h(heading, {}, label));
    root.append(section);
    const t = await pagedTable(columns[set], `${set}${query({ $search: search, $top: 25 })}`, load,
      { exportName: `${set}-${text}`, empty: `No ${label.toLowerCase()} match.` });
    section.append(t.element);
  }
}

async function listResult(root, set, options, heading, exportName) {
  const href = pivotHref(set, options);
  root.append(h('h2', {}, heading), h('p', {}, h('a', { href }, 'Open as a pivot list')));
  const q = { $top: 50 };
  if (options.filter) q.$filter = options.filter;
  if (options.search) q.$search = options.search;
  const t = await pagedTable(columns[set], `${set}${query(q)}`, load, { exportName, empty: 'Nothing found.' });
  root.append(t.element);
}

export async function render(root, params) {
  const q = (params.q || '').trim();
  const box = document.getElementById('search-box');
  if (box && box.value !== q) box.value = q;
  root.append(title(q ? `Search: ${q}` : 'Search'));
  if (!q) {
    root.append(h('p', {}, 'Type a host name, IP address, CIDR block, CVE id, certificate hash (SHA-1 or SHA-256), ',
      'tracker id (G-…, UA-…, GTM-…) or any words into the box above. Press / to get there from anywhere.'),
    h('p', {}, 'Try ', pivotLink('host', 'contoso-login.com'), ' or ', h('a', { href: '#/search?q=phishing' }, 'phishing'), '.'));
    return;
  }
  const what = classify(q);
  root.append(h('p', { class: 'recognised', dataset: { kind: what.kind } }, 'Recognised as ', h('strong', {}, what.label), ': ', h('code', {}, what.value)));
  const results = h('div', { class: 'results' });
  root.append(results);
  try {
    switch (what.kind) {
      case 'hostname':
      case 'ipv4':
      case 'ipv6':
        await hostResult(results, what.value);
        results.append(h('h2', {}, 'Articles and profiles that mention it'));
        await textResults(results, what.value, 'h3');
        break;
      case 'cidr':
        await listResult(results, 'hosts', { filter: `microsoft.graph.security.ipAddress/netblock eq ${literal(what.value)}`, label: `Addresses in ${what.value}` },
          `Addresses in netblock ${what.value}`, `netblock-${what.value}`);
        break;
      case 'cve':
        results.append(h('p', {}, 'Vulnerability ', pivotLink('cve', what.value)));
        break;
      case 'sha1':
      case 'sha256': {
        const search = what.kind === 'sha1' ? `"sha1:${what.value}"` : `"fingerprint:${what.value}"`;
        await listResult(results, 'sslCertificates', { search, label: `Certificate ${what.value}` }, 'Certificates', `certificate-${what.value}`);
        break;
      }
      case 'tracker':
        await listResult(results, 'hostTrackers', { filter: `value eq ${literal(what.value)}`, label: `Hosts with tracker ${what.value}` },
          `Hosts with tracker ${what.value}`, `tracker-${what.value}`);
        break;
      default:
        await textResults(results, what.value);
    }
  } catch (error) {
    results.append(errorBox(error));
  }
}
