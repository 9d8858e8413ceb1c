// Shared building blocks of the portal's pages: elements, pivot links, tables with export, tabs.

import { literal, getJson, ApiError } from './api.js';

/** Builds an element: h('a', { href, class: 'x', onclick }, 'text', child, [more]). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      el.className = value;
    } else if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (name === 'text') {
      el.textContent = value;
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) {
      append(el, child);
    } else {
      el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
}

export function clear(el) {
  el.replaceChildren();
  return el;
}

/** A page's title, focusable so that navigation can move the focus to it. */
export function title(text, ...extra) {
  return h('h1', { tabindex: '-1' }, text, ...extra);
}

export function errorBox(error) {
  const code = error && error.code ? `${error.code}: ` : '';
  return h('div', { class: 'error', role: 'alert' }, code, error && error.message ? error.message : String(error));
}

export function loading(text = 'Loading…') {
  return h('p', { class: 'loading', role: 'status' }, text);
}

export function formatDate(value) {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return date.toISOString().slice(0, 10);
}

export function formatDateTime(value) {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return date.toISOString().replace('T', ' ').slice(0, 16) + 'Z';
}

/** The href of a route with query parameters. */
export function route(path, params = {}) {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  return `#/${path}${parts.length ? `?${parts.join('&')}` : ''}`;
}

export function pivotHref(set, { filter, search, label } = {}) {
  return route(`pivot/${set}`, { filter, search, label });
}

const ip = "microsoft.graph.security.ipAddress";
const hostname = "microsoft.graph.security.hostname";

/**
 * Where a value leads: a host to its page, every other kind to the pivot list of what shares it.
 * Returns null for kinds that have no destination.
 */
export function pivotTarget(kind, value, extra = {}) {
  const v = String(value);
  switch (kind) {
    case 'host': return route(`host/${encodeURIComponent(v)}`);
    case 'asn': return pivotHref('hosts', { filter: `${ip}/autonomousSystem/number eq ${Number(v)}`, label: `Addresses in AS${v}` });
    case 'netblock': return pivotHref('hosts', { filter: `${ip}/netblock eq ${literal(v)}`, label: `Addresses in ${v}` });
    case 'country': return pivotHref('hosts', { filter: `${ip}/countryOrRegion eq ${literal(v)}`, label: `Addresses in ${v}` });
    case 'registrar': return pivotHref('hosts', { filter: `${hostname}/registrar eq ${literal(v)}`, label: `Domains registered with ${v}` });
    case 'registrant': return pivotHref('hosts', { filter: `${hostname}/registrant eq ${literal(v)}`, label: `Domains registered to ${v}` });
    case 'tracker': return pivotHref('hostTrackers', { filter: `value eq ${literal(v)}`, label: `Hosts with tracker ${v}` });
    case 'cookie': return pivotHref('hostCookies', { filter: `name eq ${literal(v)}`, label: `Hosts setting cookie ${v}` });
    case 'cookieDomain': return pivotHref('hostCookies', { filter: `domain eq ${literal(v)}`, label: `Cookies for domain ${v}` });
    case 'component': {
      const version = extra.version ? ` and version eq ${literal(extra.version)}` : '';
      return pivotHref('hostComponents', { filter: `name eq ${literal(v)}${version}`, label: `Hosts running ${v}${extra.version ? ` ${extra.version}` : ''}` });
    }
    case 'certificate': return pivotHref('hostSslCertificates', { filter: `sslCertificate/id eq ${literal(v)}`, label: `Hosts serving certificate ${extra.name || v}` });
    case 'sha1': return pivotHref('sslCertificates', { search: `"sha1:${v}"`, label: `Certificate with SHA-1 ${v}` });
    case 'fingerprint': return pivotHref('sslCertificates', { search: `"fingerprint:${v}"`, label: `Certificate with SHA-256 ${v}` });
    case 'port': return pivotHref('hostPorts', { filter: `port eq ${Number(v)}`, label: `Hosts with port ${v} open` });
    case 'email': {
      const role = extra.role || 'registrant';
      return pivotHref('whoisRecords', { filter: `${role}/email eq ${literal(v)}`, label: `Domains with ${role} e-mail ${v}` });
    }
    case 'contactName': {
      const role = extra.role || 'registrant';
      return pivotHref('whoisRecords', { filter: `${role}/name eq ${literal(v)}`, label: `Domains with ${role} ${v}` });
    }
    case 'organization': {
      const role = extra.role || 'registrant';
      return pivotHref('whoisRecords', { filter: `${role}/organization eq ${literal(v)}`, label: `Domains with ${role} organisation ${v}` });
    }
    case 'nameserver': return pivotHref('whoisRecords', { filter: `nameservers/any(n: n/host/id eq ${literal(v)})`, label: `Domains using name server ${v}` });
    case 'resolvesTo': return pivotHref('passiveDnsRecords', { filter: `artifact/id eq ${literal(v)}`, label: `Hosts resolving to ${v}` });
    case 'childHost': return pivotHref('hostPairs', { filter: `childHost/id eq ${literal(v)}`, label: `Hosts linking to ${v}` });
    case 'parentHost': return pivotHref('hostPairs', { filter: `parentHost/id eq ${literal(v)}`, label: `Hosts ${v} links to` });
    case 'cve': return route(`vulnerability/${encodeURIComponent(v)}`);
    case 'article': return route(`article/${encodeURIComponent(v)}`);
    case 'profile': return route(`profile/${encodeURIComponent(v)}`);
    case 'graph': return route(`graph/${encodeURIComponent(v)}`);
    default: return null;
  }
}

/** Every value a link: the text of the value, leading to its page or to the list of what shares it. */
export function pivotLink(kind, value, extra = {}) {
  if (value === undefined || value === null || value === '') return '';
  const href = pivotTarget(kind, value, extra);
  const text = extra.text ?? String(value);
  if (!href) return text;
  return h('a', { href, class: `pivot pivot-${kind}`, title: extra.title }, text);
}

/** The value of a property path such as 'host.id' or 'autonomousSystem.number'. */
export function pick(row, path) {
  return path.split('.').reduce((o, k) => (o === undefined || o === null ? undefined : o[k]), row);
}

function exportValue(column, row) {
  const value = column.value ? column.value(row) : pick(row, column.key);
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join('; ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** RFC 4180 CSV: every field quoted when it holds a comma, quote or line break. */
export function toCsv(columns, rows) {
  const cell = (text) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  const lines = [columns.map((c) => cell(c.label)).join(',')];
  for (const row of rows) {
    lines.push(columns.map((c) => cell(exportValue(c, row))).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

export function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function safeName(name) {
  return String(name).replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'export';
}

/**
 * A table of rows (the API's own objects). columns: [{ key, label, render(row), value(row) }]: render makes the
 * cell (a pivot link as a rule), value gives the exported text (default: the property at key).
 * options: { exportName, caption, empty, more: async () => rows|null } ('more' loads and appends the next page).
 * Returns { element, rows, append(rows), setMore(fn|null) }.
 */
export function table(columns, initialRows, options = {}) {
  const rows = [];
  const tbody = h('tbody');
  const status = h('span', { class: 'table-count', role: 'status' });
  const name = safeName(options.exportName || 'export');
  const csvButton = h('button', { type: 'button', class: 'export', dataset: { export: 'csv' },
    onclick: () => download(`${name}.csv`, 'text/csv;charset=utf-8', toCsv(columns, rows)) }, 'Export CSV');
  const jsonButton = h('button', { type: 'button', class: 'export', dataset: { export: 'json' },
    onclick: () => download(`${name}.json`, 'application/json', JSON.stringify(rows, null, 2) + '\n') }, 'Export JSON');
  const moreButton = h('button', { type: 'button', class: 'more', hidden: true }, 'More');
  const empty = h('p', { class: 'empty', hidden: true }, options.empty || 'Nothing recorded.');
  const tableEl = h('table', { class: 'data' },
    options.caption ? h('caption', {}, options.caption) : null,
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c.label)))),
    tbody);

  let more = null;
  const api = {
    rows,
    element: h('div', { class: 'table-block', dataset: { table: name } },
      h('div', { class: 'table-tools' }, status, csvButton, jsonButton),
      h('div', { class: 'table-scroll' }, tableEl),
      empty,
      moreButton),
    append(newRows) {
      for (const row of newRows) {
        rows.push(row);
        tbody.append(h('tr', {}, columns.map((c) => h('td', { class: c.class },
          c.render ? c.render(row) : exportValue(c, row)))));
      }
      empty.hidden = rows.length > 0;
      status.textContent = `${rows.length} row${rows.length === 1 ? '' : 's'}${more ? ' (more available)' : ''}`;
    },
    setMore(fn) {
      more = fn;
      moreButton.hidden = !fn;
      status.textContent = `${rows.length} row${rows.length === 1 ? '' : 's'}${more ? ' (more available)' : ''}`;
    },
  };
  moreButton.addEventListener('click', async () => {
    if (!more) return;
    moreButton.disabled = true;
    moreButton.textContent = 'Loading…';
    try {
      await more();
    } catch (e) {
      api.element.append(errorBox(e));
    } finally {
      moreButton.disabled = false;
      moreButton.textContent = 'More';
    }
  });
  api.append(initialRows || []);
  return api;
}

/**
 * A table fed by a paged API collection: the first page now, later pages with "More".
 * loadPage(link) returns { items, next } from api.getPage.
 */
export async function pagedTable(columns, firstPath, loadPage, options = {}) {
  const first = await loadPage(firstPath);
  const t = table(columns, first.items, options);
  let next = first.next;
  const more = async () => {
    const page = await loadPage(next);
    next = page.next;
    t.setMore(next ? more : null);
    t.append(page.items);
  };
  t.setMore(next ? more : null);
  return t;
}

/**
 * Tabs with ARIA roles: left/right arrows, Home and End move between tabs, Enter or a click selects; each panel is
 * rendered on its first selection. tabs: [{ id, label, render(panel) }]. onSelect(id) is told of each change.
 */
export function tabs(items, { selected, onSelect, label } = {}) {
  const list = h('div', { role: 'tablist', class: 'tabs', 'aria-label': label || 'Sections' });
  const panels = h('div', { class: 'tab-panels' });
  const rendered = new Set();
  const buttons = new Map();
  const panelOf = new Map();

  function select(id, { focus = false } = {}) {
    for (const item of items) {
      const on = item.id === id;
      const button = buttons.get(item.id);
      button.setAttribute('aria-selected', on ? 'true' : 'false');
      button.tabIndex = on ? 0 : -1;
      panelOf.get(item.id).hidden = !on;
    }
    if (focus) buttons.get(id).focus();
    if (!rendered.has(id)) {
      rendered.add(id);
      const item = items.find((i) => i.id === id);
      const panel = panelOf.get(id);
      Promise.resolve()
        .then(() => item.render(panel))
        .catch((e) => panel.append(errorBox(e)));
    }
    if (onSelect) onSelect(id);
  }

  items.forEach((item, index) => {
    const button = h('button', {
      type: 'button', role: 'tab', id: `tab-${item.id}`, 'aria-controls': `panel-${item.id}`,
      'aria-selected': 'false', tabindex: '-1', dataset: { tab: item.id },
    }, item.label);
    button.addEventListener('click', () => select(item.id));
    button.addEventListener('keydown', (event) => {
      let target = null;
      if (event.key === 'ArrowRight') target = items[(index + 1) % items.length];
      else if (event.key === 'ArrowLeft') target = items[(index - 1 + items.length) % items.length];
      else if (event.key === 'Home') target = items[0];
      else if (event.key === 'End') target = items[items.length - 1];
      if (target) {
        event.preventDefault();
        select(target.id, { focus: true });
      }
    });
    buttons.set(item.id, button);
    list.append(button);
    const panel = h('div', { role: 'tabpanel', id: `panel-${item.id}`, 'aria-labelledby': `tab-${item.id}`, tabindex: '0', hidden: true });
    panelOf.set(item.id, panel);
    panels.append(panel);
  });

  const initial = items.some((i) => i.id === selected) ? selected : items[0].id;
  return { element: h('div', { class: 'tabset' }, list, panels), select, start: () => select(initial) };
}

/** A definition list of label/value pairs, skipping empty values. */
export function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs
    .filter(([, value]) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0))
    .map(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]));
}

const PIVOT_SETS = new Set(['hosts', 'hostTrackers', 'hostCookies', 'hostComponents', 'hostPairs', 'passiveDnsRecords',
  'subdomains', 'hostSslCertificates', 'hostPorts', 'whoisRecords', 'whoisHistoryRecords', 'sslCertificates']);

/**
 * The portal page for an API URL such as a reputation rule's relatedDetailsUrl, or null when the portal has none.
 */
export function routeForApiUrl(apiUrl) {
  if (!apiUrl) return null;
  let url;
  try {
    url = new URL(apiUrl, location.origin);
  } catch {
    return null;
  }
  const match = /\/(?:v1\.0|beta)\/security\/threatIntelligence\/(.*)$/.exec(url.pathname);
  if (!match) return null;
  const segments = match[1].split('/').map((s) => decodeURIComponent(s));
  const filter = url.searchParams.get('$filter');
  const search = url.searchParams.get('$search');
  const [set, id, nav] = segments;
  switch (set) {
    case 'intelProfiles': return id ? route(`profile/${encodeURIComponent(id)}`) : null;
    case 'articles': return id ? route(`article/${encodeURIComponent(id)}`) : null;
    case 'vulnerabilities': return id ? route(`vulnerability/${encodeURIComponent(id)}`) : null;
    case 'sslCertificates': return id ? pivotTarget('certificate', id) : pivotHref(set, { filter, search });
    case 'hosts': {
      if (!id) return pivotHref('hosts', { filter });
      const tabs = { whois: 'whois', passiveDns: 'resolutions', passiveDnsReverse: 'resolutions', sslCertificates: 'certificates',
        subdomains: 'subdomains', trackers: 'trackers', components: 'components', hostPairs: 'pairs', cookies: 'cookies', ports: 'ports' };
      return route(`host/${encodeURIComponent(id)}`, { tab: tabs[nav] });
    }
    default:
      if (!PIVOT_SETS.has(set)) return null;
      if (id) return pivotHref(set, { filter: `id eq ${literal(id)}` });
      return pivotHref(set, { filter, search });
  }
}

/**
 * Reads one item; when the API answers 404, writes `missing` under `heading` and gives null. Any other failure is
 * thrown to the router, after the heading (when given) so the page still says what it was asked for.
 */
export async function getOrMissing(root, path, heading, missing) {
  try {
    return await getJson(path);
  } catch (error) {
    if (heading) root.append(title(heading));
    if (error instanceof ApiError && error.status === 404) {
      root.append(h('p', { class: 'empty' }, missing));
      return null;
    }
    throw error;
  }
}
