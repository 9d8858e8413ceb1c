// Rendering the API's formattedContent safely, and artifacts (what an indicator points at) as pivot links: shared
// by the article, intel profile and vulnerability pages.

import { marked } from '../lib/marked/marked.esm.js';
import DOMPurify from '../lib/dompurify/purify.es.js';
import { h, pivotLink, formatDate } from './ui.js';

// Links in imported text leave the portal without a referrer or a handle on this tab; style attributes are dropped
// (the portal's CSP refuses them anyway), so is anything that could run script.
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && node.getAttribute('href')) {
    node.setAttribute('rel', 'noopener noreferrer');
    node.setAttribute('target', '_blank');
  }
});

const PURIFY = { RETURN_DOM_FRAGMENT: true, FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select'], FORBID_ATTR: ['style'] };

/** A DOM fragment for sanitised HTML: the only way markup from the API reaches the page. */
export function sanitizedHtml(html) {
  return DOMPurify.sanitize(html, PURIFY);
}

/**
 * A formattedContent ({ content, format }) as an element: text keeps its line breaks and is never parsed as markup;
 * markdown is rendered by marked and html taken as is, both through DOMPurify.
 */
export function formatted(value, className = 'formatted') {
  if (!value || !value.content) return null;
  const format = (value.format || 'text').toLowerCase();
  const box = h('div', { class: `${className} format-${format}`, dataset: { format } });
  if (format === 'markdown') {
    box.append(sanitizedHtml(marked.parse(value.content, { async: false, gfm: true })));
  } else if (format === 'html') {
    box.append(sanitizedHtml(value.content));
  } else {
    for (const paragraph of value.content.split(/\n{2,}/)) {
      box.append(h('p', {}, paragraph));
    }
  }
  return box;
}

const TYPE = (artifact) => (artifact?.['@odata.type'] || '').replace(/^#?microsoft\.graph\.security\./, '');

/** The kind of an artifact as a reader would say it. */
export function artifactKind(artifact) {
  const type = TYPE(artifact);
  switch (type) {
    case 'hostname': return 'host name';
    case 'ipAddress': return 'IP address';
    case 'hostTracker': return 'tracker';
    case 'hostComponent': return 'component';
    case 'hostCookie': return 'cookie';
    case 'sslCertificate': return 'certificate';
    case 'hostSslCertificate': return 'host certificate';
    case 'passiveDnsRecord': return 'resolution';
    case 'unclassifiedArtifact': return artifact.kind || 'other';
    default: return type || 'artifact';
  }
}

/** The artifact's value as text (what CSV export writes). */
export function artifactText(artifact) {
  if (!artifact) return '';
  switch (TYPE(artifact)) {
    case 'hostTracker': return artifact.value || artifact.id;
    case 'hostComponent': return [artifact.name, artifact.version].filter(Boolean).join(' ') || artifact.id;
    case 'hostCookie': return artifact.name || artifact.id;
    case 'sslCertificate': return artifact.sha1 || artifact.id;
    case 'unclassifiedArtifact': return artifact.value || artifact.id;
    default: return artifact.id;
  }
}

/** Every artifact a pivot: hosts to their page, trackers, components, cookies and certificates to who shares them. */
export function artifactLink(artifact) {
  if (!artifact) return '';
  const text = artifactText(artifact);
  switch (TYPE(artifact)) {
    case 'hostname':
    case 'ipAddress': return pivotLink('host', artifact.id);
    case 'hostTracker': return artifact.value ? pivotLink('tracker', artifact.value) : text;
    case 'hostComponent': return artifact.name ? pivotLink('component', artifact.name, { version: artifact.version, text }) : text;
    case 'hostCookie': return artifact.name ? pivotLink('cookie', artifact.name) : text;
    case 'sslCertificate': return pivotLink('certificate', artifact.id, { text, name: artifact.subject?.commonName });
    case 'hostSslCertificate': return artifact.host?.id ? pivotLink('host', artifact.host.id) : text;
    case 'passiveDnsRecord': return artifact.parentHost?.id ? pivotLink('host', artifact.parentHost.id) : text;
    default: return h('a', { href: `#/search?q=${encodeURIComponent(text)}`, class: 'pivot pivot-search' }, text);
  }
}

/** Columns of an indicator table (article or intel profile indicators, with their inlined artifact). */
export function indicatorColumns({ seen = false } = {}) {
  const cols = [
    { key: 'artifact.id', label: 'Indicator', value: (r) => artifactText(r.artifact), render: (r) => artifactLink(r.artifact) },
    { key: 'artifact.@odata.type', label: 'Kind', value: (r) => artifactKind(r.artifact), render: (r) => artifactKind(r.artifact) },
    { key: 'source', label: 'Source' },
  ];
  if (seen) {
    cols.push({ key: 'firstSeenDateTime', label: 'First seen', class: 'nowrap', render: (r) => formatDate(r.firstSeenDateTime) },
      { key: 'lastSeenDateTime', label: 'Last seen', class: 'nowrap', render: (r) => formatDate(r.lastSeenDateTime) });
  }
  return cols;
}
