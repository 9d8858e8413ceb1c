// The host page's WHOIS tab: the current record, and its history with what changed between versions.

import { getJson, getAll, key, query, ApiError } from '../api.js';
import { h, facts, pivotLink, formatDate, table } from '../ui.js';

const ROLES = ['registrant', 'admin', 'technical', 'billing', 'noc', 'zone', 'abuse'];
const IGNORED = new Set(['@odata.type', '@odata.context', 'id', 'firstSeenDateTime', 'lastSeenDateTime', 'rawWhoisText', 'host']);

/** A version as field path → text, for comparing versions: name servers as one sorted list. */
export function flatten(record, prefix = '', out = {}) {
  for (const [name, value] of Object.entries(record || {})) {
    if (IGNORED.has(name)) continue;
    const path = prefix ? `${prefix}/${name}` : name;
    if (name === 'nameservers' && Array.isArray(value)) {
      out[path] = value.map((n) => n?.host?.id).filter(Boolean).sort().join(', ');
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      flatten(value, path, out);
    } else if (value !== null && value !== undefined && value !== '') {
      out[path] = Array.isArray(value) ? value.join(', ') : String(value);
    }
  }
  return out;
}

/** The fields that differ between a version and the one before it: [{ field, before, after }]. */
export function changes(newer, older) {
  if (!older) return [];
  const a = flatten(newer);
  const b = flatten(older);
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()
    .filter((field) => (a[field] ?? '') !== (b[field] ?? ''))
    .map((field) => ({ field, before: b[field] ?? '', after: a[field] ?? '' }));
}

function contact(role, c) {
  if (!c) return '';
  const address = c.address ? [c.address.street, c.address.city, c.address.state, c.address.postalCode, c.address.countryOrRegion].filter(Boolean).join(', ') : '';
  return h('span', { class: 'contact' },
    [pivotLink('contactName', c.name, { role }), pivotLink('organization', c.organization, { role }), pivotLink('email', c.email, { role }), c.telephone, address]
      .filter((part) => part !== '' && part !== null && part !== undefined)
      .flatMap((part, i) => (i ? [' · ', part] : [part])));
}

function current(record) {
  const nameServers = (record.nameservers || []).map((n) => n.host?.id).filter(Boolean);
  const section = h('section', { class: 'whois-current', 'aria-labelledby': 'whois-current-heading' },
    h('h2', { id: 'whois-current-heading' }, 'Current record'),
    facts([
      ['Registrar', record.registrar ? pivotLink('registrar', record.registrar.name) : ''],
      ...ROLES.map((role) => [role[0].toUpperCase() + role.slice(1), contact(role, record[role])]),
      ['Name servers', nameServers.flatMap((n, i) => [i ? ', ' : '', pivotLink('nameserver', n)])],
      ['Registered', formatDate(record.registrationDateTime)],
      ['Updated', formatDate(record.lastUpdateDateTime)],
      ['Expires', formatDate(record.expirationDateTime)],
      ['Status', record.domainStatus],
      ['WHOIS server', record.whoisServer],
      ['Seen', `${formatDate(record.firstSeenDateTime)} – ${formatDate(record.lastSeenDateTime)}`],
    ]));
  if (record.rawWhoisText) {
    section.append(h('details', {}, h('summary', {}, 'Raw WHOIS text'), h('pre', { class: 'raw-whois' }, record.rawWhoisText)));
  }
  return section;
}

function versionDate(v) {
  return v.lastUpdateDateTime || v.firstSeenDateTime || '';
}

function history(versions, exportName) {
  const sorted = [...versions].sort((a, b) => String(versionDate(b)).localeCompare(String(versionDate(a))));
  const diff = new Map(sorted.map((v, i) => [v, changes(v, sorted[i + 1])]));
  const changed = (v, field) => diff.get(v).some((c) => c.field === field || c.field.startsWith(`${field}/`));
  const cell = (v, field, content) => (changed(v, field) ? h('mark', { class: 'changed', title: 'changed in this version' }, content) : content);
  const columns = [
    { key: 'lastUpdateDateTime', label: 'Updated', render: (v) => formatDate(v.lastUpdateDateTime) },
    { key: 'seen', label: 'Seen', value: (v) => `${v.firstSeenDateTime || ''}/${v.lastSeenDateTime || ''}`,
      render: (v) => `${formatDate(v.firstSeenDateTime)} – ${formatDate(v.lastSeenDateTime)}` },
    { key: 'registrar.name', label: 'Registrar', render: (v) => cell(v, 'registrar', pivotLink('registrar', v.registrar?.name)) },
    { key: 'registrant.email', label: 'Registrant', render: (v) => cell(v, 'registrant', contact('registrant', v.registrant)) },
    { key: 'nameservers', label: 'Name servers', value: (v) => flatten({ nameservers: v.nameservers }).nameservers || '',
      render: (v) => cell(v, 'nameservers', (v.nameservers || []).map((n) => n.host?.id).filter(Boolean).flatMap((n, i) => [i ? ', ' : '', pivotLink('nameserver', n)])) },
    { key: 'expirationDateTime', label: 'Expires', render: (v) => cell(v, 'expirationDateTime', formatDate(v.expirationDateTime)) },
    { key: 'changes', label: 'Changed from the version before', value: (v) => diff.get(v).map((c) => c.field),
      render: (v) => {
        const list = diff.get(v);
        if (!list.length) return v === sorted[sorted.length - 1] ? 'first version seen' : 'no change';
        return h('ul', { class: 'diff-list' }, list.map((c) => h('li', { dataset: { field: c.field } },
          h('code', {}, c.field), ': ', h('del', {}, c.before || '(none)'), ' → ', h('ins', {}, c.after || '(none)'))));
      } },
  ];
  return table(columns, sorted, { exportName, caption: `${sorted.length} version${sorted.length === 1 ? '' : 's'}, newest first` });
}

export async function renderWhois(panel, host) {
  let record;
  try {
    record = await getJson(`hosts/${key(host.id)}/whois`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      panel.append(h('p', { class: 'empty' }, `No WHOIS record for ${host.id}.`));
      return;
    }
    throw error;
  }
  panel.append(current(record));
  const versions = await getAll(`hosts/${key(host.id)}/whois/history${query({ $top: 100 })}`, 500);
  const t = history(versions, `${host.id}-whois-history`);
  panel.append(h('h2', {}, 'History'), t.element);
}
