// Table columns for each kind of API object: the same definitions serve the host tabs, the pivot lists and search.
// render() makes the cell (every value a pivot link); value() is what CSV export writes (default: the key's value).

import { h, pivotLink, formatDate, formatDateTime, pick } from './ui.js';

const date = (key, label) => ({ key, label, render: (r) => formatDate(pick(r, key)), class: 'nowrap' });
const firstSeen = date('firstSeenDateTime', 'First seen');
const lastSeen = date('lastSeenDateTime', 'Last seen');
const hostColumn = (key, label) => ({ key, label, render: (r) => pivotLink('host', pick(r, key)) });
const isIp = (r) => (r['@odata.type'] || '').endsWith('ipAddress');

/** A certificate's hash leads to every host that served it. */
function certificateCell(certificate) {
  if (!certificate) return '';
  return pivotLink('certificate', certificate.id, { text: certificate.sha1 || certificate.id, name: certificate.subject?.commonName });
}

export const columns = {
  hosts: [
    hostColumn('id', 'Host'),
    { key: 'kind', label: 'Kind', value: (r) => (isIp(r) ? 'ipAddress' : 'hostname'), render: (r) => (isIp(r) ? 'IP address' : 'host name') },
    firstSeen, lastSeen,
    { key: 'autonomousSystem.number', label: 'ASN', render: (r) => pivotLink('asn', r.autonomousSystem?.number, { text: r.autonomousSystem ? `AS${r.autonomousSystem.number}` : '' }) },
    { key: 'netblock', label: 'Netblock', render: (r) => pivotLink('netblock', r.netblock) },
    { key: 'countryOrRegion', label: 'Country', render: (r) => pivotLink('country', r.countryOrRegion) },
    { key: 'registrar', label: 'Registrar', render: (r) => pivotLink('registrar', r.registrar) },
  ],
  passiveDns: [
    { key: 'recordType', label: 'Type', class: 'nowrap' },
    hostColumn('parentHost.id', 'Host'),
    { key: 'artifact.id', label: 'Resolves to', render: (r) => (r.artifact?.['@odata.type'] || '').match(/hostname|ipAddress/) ? pivotLink('host', r.artifact.id) : (r.artifact?.id ?? '') },
    firstSeen, lastSeen,
    date('collectedDateTime', 'Collected'),
  ],
  subdomains: [
    hostColumn('host.id', 'Subdomain'),
    firstSeen,
  ],
  hostTrackers: [
    { key: 'value', label: 'Tracker', render: (r) => pivotLink('tracker', r.value) },
    { key: 'kind', label: 'Kind' },
    hostColumn('host.id', 'Host'),
    firstSeen, lastSeen,
  ],
  hostComponents: [
    { key: 'name', label: 'Component', render: (r) => pivotLink('component', r.name) },
    { key: 'version', label: 'Version', render: (r) => (r.version ? pivotLink('component', r.name, { version: r.version, text: r.version }) : '') },
    { key: 'category', label: 'Category' },
    hostColumn('host.id', 'Host'),
    firstSeen, lastSeen,
  ],
  hostCookies: [
    { key: 'name', label: 'Cookie', render: (r) => pivotLink('cookie', r.name) },
    { key: 'domain', label: 'Domain', render: (r) => pivotLink('cookieDomain', r.domain) },
    hostColumn('host.id', 'Host'),
    firstSeen, lastSeen,
  ],
  hostPairs: [
    hostColumn('parentHost.id', 'Parent host'),
    { key: 'linkKind', label: 'Link' },
    hostColumn('childHost.id', 'Child host'),
    firstSeen, lastSeen,
  ],
  hostSslCertificates: [
    { key: 'sslCertificate.sha1', label: 'Certificate (SHA-1)', render: (r) => certificateCell(r.sslCertificate) },
    { key: 'sslCertificate.subject.commonName', label: 'Subject', render: (r) => pivotLink('host', r.sslCertificate?.subject?.commonName?.replace(/^\*\./, '')) },
    { key: 'sslCertificate.issuer.commonName', label: 'Issuer' },
    hostColumn('host.id', 'Host'),
    { key: 'ports', label: 'Ports', value: (r) => (r.ports || []).map((p) => p.port), render: (r) => (r.ports || []).map((p, i) => [i ? ', ' : '', pivotLink('port', p.port)]) },
    firstSeen, lastSeen,
  ],
  sslCertificates: [
    { key: 'sha1', label: 'SHA-1', render: (r) => certificateCell(r) },
    { key: 'fingerprint', label: 'SHA-256 fingerprint', class: 'hash' },
    { key: 'subject.commonName', label: 'Subject' },
    { key: 'issuer.commonName', label: 'Issuer' },
    date('issueDateTime', 'Issued'),
    date('expirationDateTime', 'Expires'),
    { key: 'relatedHosts', label: 'Hosts', value: () => '', render: (r) => pivotLink('certificate', r.id, { text: 'hosts serving it', name: r.subject?.commonName }) },
  ],
  hostPorts: [
    { key: 'port', label: 'Port', render: (r) => pivotLink('port', r.port) },
    { key: 'protocol', label: 'Protocol' },
    { key: 'status', label: 'Status' },
    hostColumn('host.id', 'Host'),
    { key: 'services', label: 'Services', value: (r) => (r.services || []).map(serviceText),
      render: (r) => (r.services || []).map((s, i) => [i ? ', ' : '', s.component?.name
        ? pivotLink('component', s.component.name, { version: s.component.version, text: serviceText(s) }) : serviceText(s)]) },
    { key: 'banners', label: 'Banners', value: (r) => (r.banners || []).map((b) => b.banner),
      render: (r) => (r.banners || []).map((b) => h('pre', { class: 'banner' }, b.banner)) },
    { key: 'mostRecentSslCertificate.sha1', label: 'Certificate', render: (r) => certificateCell(r.mostRecentSslCertificate) },
    firstSeen, lastSeen,
    date('lastScanDateTime', 'Last scan'),
  ],
  whoisRecords: [
    hostColumn('host.id', 'Domain'),
    { key: 'registrar.name', label: 'Registrar', render: (r) => pivotLink('registrar', r.registrar?.name) },
    { key: 'registrant.email', label: 'Registrant e-mail', render: (r) => pivotLink('email', r.registrant?.email, { role: 'registrant' }) },
    date('registrationDateTime', 'Registered'),
    date('expirationDateTime', 'Expires'),
    lastSeen,
  ],
  articles: [
    { key: 'title', label: 'Title', render: (r) => pivotLink('article', r.id, { text: r.title || r.id }) },
    date('createdDateTime', 'Created'),
    { key: 'tags', label: 'Tags', value: (r) => r.tags || [], render: (r) => (r.tags || []).join(', ') },
  ],
  intelProfiles: [
    { key: 'title', label: 'Profile', render: (r) => pivotLink('profile', r.id, { text: r.title || r.id }) },
    { key: 'kind', label: 'Kind' },
    { key: 'aliases', label: 'Aliases', value: (r) => r.aliases || [], render: (r) => (r.aliases || []).join(', ') },
    date('firstActiveDateTime', 'First active'),
  ],
};

columns.passiveDnsRecords = columns.passiveDns;
columns.whoisHistoryRecords = columns.whoisRecords;

function serviceText(service) {
  const component = service?.component;
  return component ? [component.name, component.version].filter(Boolean).join(' ') : '';
}

export { formatDateTime };
