// The relationship graph of a host's neighbourhood (#/graph/<host>): what it resolved to and from, its subdomains and
// parent, certificates, trackers, components, host pairs, cookies, and its WHOIS name servers and registrar. A click
// (or Enter in the node list beside it) on a host or address expands that node's neighbourhood, a bounded number of
// nodes at a time; a double click (or the list's "open" link) opens the node's host page or pivot list.

import '../../lib/cytoscape/cytoscape.min.js';
import { getJson, getPage, key, query, ApiError } from '../api.js';
import { h, title, pivotTarget, pivotLink, errorBox, getOrMissing } from '../ui.js';

/** New nodes one expansion adds at most; the rest wait behind a "+N more" node. */
export const EXPANSION_LIMIT = 25;

const cytoscape = globalThis.cytoscape;
const T = (o) => (o?.['@odata.type'] || '').replace(/^#?microsoft\.graph\.security\./, '');
const isHostType = (o) => /^(hostname|ipAddress)$/.test(T(o));
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const looksIp = (id) => IPV4.test(id) || id.includes(':');

function hostNode(id, type) {
  const kind = type === 'ipAddress' || (!type && looksIp(id)) ? 'ipAddress' : 'hostname';
  return { id: `host:${id}`, label: id, kind, value: id };
}

/** Each relation: the host's navigation to read and how an item becomes nodes and labelled edges. */
function relations(hostId) {
  const self = `host:${hostId}`;
  return [
    { name: 'resolutions', path: 'passiveDns', map: (r) => (isHostType(r.artifact)
      ? [{ node: hostNode(r.artifact.id, T(r.artifact)), source: self, label: `resolves to (${r.recordType})` }] : []) },
    { name: 'reverse resolutions', path: 'passiveDnsReverse', map: (r) => (r.parentHost?.id
      ? [{ node: hostNode(r.parentHost.id, T(r.parentHost)), target: self, label: `resolves to (${r.recordType})` }] : []) },
    { name: 'subdomains', path: 'subdomains', map: (r) => (r.host?.id ? [{ node: hostNode(r.host.id, 'hostname'), source: self, label: 'subdomain' }] : []) },
    { name: 'certificates', path: 'sslCertificates', map: (r) => {
      const c = r.sslCertificate;
      if (!c?.id) return [];
      return [{ node: { id: `certificate:${c.id}`, kind: 'certificate', value: c.id, label: c.subject?.commonName || (c.sha1 || c.id).slice(0, 12), name: c.subject?.commonName },
        source: self, label: 'serves certificate' }];
    } },
    { name: 'trackers', path: 'trackers', map: (r) => (r.value
      ? [{ node: { id: `tracker:${r.value}`, kind: 'tracker', value: r.value, label: r.value }, source: self, label: `tracker (${r.kind || 'id'})` }] : []) },
    { name: 'components', path: 'components', map: (r) => {
      if (!r.name) return [];
      const text = [r.name, r.version].filter(Boolean).join(' ');
      return [{ node: { id: `component:${text}`, kind: 'component', value: r.name, version: r.version, label: text }, source: self, label: 'runs' }];
    } },
    { name: 'host pairs', path: 'hostPairs', map: (r) => {
      const parent = r.parentHost?.id;
      const child = r.childHost?.id;
      if (!parent || !child) return [];
      const other = parent === hostId ? r.childHost : r.parentHost;
      return [{ node: hostNode(other.id, T(other)), source: `host:${parent}`, target: `host:${child}`, label: r.linkKind || 'pair' }];
    } },
    { name: 'cookies', path: 'cookies', map: (r) => (r.name
      ? [{ node: { id: `cookie:${r.name}`, kind: 'cookie', value: r.name, label: r.name }, source: self, label: 'sets cookie' }] : []) },
  ];
}

/** Where a node leads: a host to its page, every other kind to the pivot list of the hosts that share it. */
export function nodeHref(data) {
  switch (data.kind) {
    case 'hostname':
    case 'ipAddress': return pivotTarget('host', data.value);
    case 'certificate': return pivotTarget('certificate', data.value, { name: data.name });
    case 'tracker': return pivotTarget('tracker', data.value);
    case 'component': return pivotTarget('component', data.value, { version: data.version });
    case 'cookie': return pivotTarget('cookie', data.value);
    case 'registrar': return pivotTarget('registrar', data.value);
    default: return null;
  }
}

const KIND_TEXT = { hostname: 'host', ipAddress: 'IP', certificate: 'certificate', tracker: 'tracker', component: 'component',
  cookie: 'cookie', registrar: 'registrar', more: 'more' };

const STYLE = [
  { selector: 'node', style: { label: 'data(label)', 'font-size': 10, 'text-valign': 'bottom', 'text-margin-y': 3, 'text-wrap': 'ellipsis',
    'text-max-width': 140, width: 22, height: 22, 'background-color': '#8a94a0', color: '#1b1f24', 'border-width': 1, 'border-color': '#fff' } },
  { selector: 'node[kind = "hostname"]', style: { shape: 'ellipse', 'background-color': '#59636e' } },
  { selector: 'node[kind = "ipAddress"]', style: { shape: 'round-rectangle', 'background-color': '#59636e' } },
  { selector: 'node[kind = "certificate"]', style: { shape: 'diamond', 'background-color': '#6941c6' } },
  { selector: 'node[kind = "tracker"]', style: { shape: 'triangle', 'background-color': '#0e7090' } },
  { selector: 'node[kind = "component"]', style: { shape: 'hexagon', 'background-color': '#854a0e' } },
  { selector: 'node[kind = "cookie"]', style: { shape: 'pentagon', 'background-color': '#c11574' } },
  { selector: 'node[kind = "registrar"]', style: { shape: 'star', 'background-color': '#475467' } },
  { selector: 'node[kind = "more"]', style: { shape: 'round-tag', 'background-color': '#fff', 'border-color': '#0b5cad', 'border-width': 2, color: '#0b5cad' } },
  { selector: 'node[classification = "malicious"]', style: { 'background-color': '#b42318' } },
  { selector: 'node[classification = "suspicious"]', style: { 'background-color': '#b54708' } },
  { selector: 'node[classification = "neutral"]', style: { 'background-color': '#3b6e3b' } },
  { selector: 'node[?root]', style: { width: 34, height: 34, 'font-weight': 'bold', 'border-width': 3, 'border-color': '#14263b' } },
  { selector: 'node[?expanded]', style: { 'border-width': 3, 'border-color': '#14263b' } },
  { selector: 'node:selected', style: { 'overlay-color': '#f0a500', 'overlay-opacity': 0.35, 'overlay-padding': 6 } },
  { selector: 'edge', style: { width: 1.2, 'line-color': '#b8c0c9', 'target-arrow-color': '#b8c0c9', 'target-arrow-shape': 'triangle',
    'curve-style': 'bezier', label: 'data(label)', 'font-size': 8, color: '#59636e', 'text-rotation': 'autorotate',
    'text-background-color': '#fff', 'text-background-opacity': 0.8 } },
];

export async function render(root, params) {
  const hostId = params.id || '';
  const host = await getOrMissing(root, `hosts/${key(hostId)}`, `Graph of ${hostId}`, `${hostId} is not in the store.`);
  if (!host) return;

  const status = h('p', { class: 'graph-status', role: 'status' });
  const canvas = h('div', { class: 'graph-canvas', role: 'img', 'aria-label': `Relationship graph of ${host.id}; the list of nodes beside it is the keyboard way in` });
  const list = h('ul', { class: 'graph-nodes', 'aria-label': 'Nodes' });
  const notes = h('div', { class: 'graph-notes' });
  const openSelected = h('button', { type: 'button', class: 'more', disabled: true }, 'Open selected');
  const fit = h('button', { type: 'button', class: 'more' }, 'Fit');
  root.append(
    title(`Graph of ${host.id}`),
    h('p', { class: 'graph-help' }, 'Click a host or address (or press Enter on it in the list) to expand it; double-click or "open" goes to its page. ',
      'Back to ', pivotLink('host', host.id), '.'),
    h('div', { class: 'graph-tools' }, status, openSelected, fit),
    h('div', { class: 'graph-layout' }, canvas, h('nav', { class: 'graph-side', 'aria-label': 'Graph nodes' }, h('h2', {}, 'Nodes'), list)),
    notes);

  // Cytoscape adds a <style> for its container, which the portal's CSP refuses: the rule is in pages.css instead,
  // and this marker tells cytoscape it is there.
  if (!document.getElementById('__________cytoscape_stylesheet')) {
    document.head.append(h('meta', { id: '__________cytoscape_stylesheet', name: 'cytoscape-container-style', content: 'css/pages.css' }));
  }
  const cy = cytoscape({ container: canvas, style: STYLE, wheelSensitivity: 0.3, minZoom: 0.2, maxZoom: 3 });
  window.sightlineGraph = cy;
  const entries = new Map();
  const pending = new Map(); // host node id -> { items: [...], pages: [{ relation, next }] }
  let busy = Promise.resolve();

  function updateStatus() {
    const hostCount = cy.nodes('[kind = "hostname"], [kind = "ipAddress"]').length;
    status.textContent = `${cy.nodes('[kind != "more"]').length} nodes (${hostCount} hosts and addresses), ${cy.edges().length} edges`;
    status.dataset.nodes = String(cy.nodes('[kind != "more"]').length);
  }

  function focusNode(node) {
    cy.$(':selected').unselect();
    node.select();
    openSelected.disabled = !nodeHref(node.data());
    cy.animate({ center: { eles: node } }, { duration: 150 });
  }

  function open(data) {
    const href = nodeHref(data);
    if (href) location.hash = href;
  }

  function listEntry(data) {
    const button = h('button', { type: 'button', class: `node-entry node-${data.kind}`, dataset: { nodeId: data.id, kind: data.kind } },
      h('span', { class: 'node-kind' }, KIND_TEXT[data.kind] || data.kind), ' ', data.label);
    button.addEventListener('click', () => activate(cy.getElementById(data.id)));
    const href = nodeHref(data);
    const li = h('li', { dataset: { nodeId: data.id } }, button, href ? [' ', h('a', { href, class: 'node-open', 'aria-label': `Open ${data.label}` }, 'open')] : '');
    entries.set(data.id, li);
    list.append(li);
    return li;
  }

  function addNode(data, near) {
    if (cy.getElementById(data.id).nonempty()) return false;
    const position = near ? { x: near.x + (Math.random() - 0.5) * 120, y: near.y + (Math.random() - 0.5) * 120 } : { x: 0, y: 0 };
    cy.add({ group: 'nodes', data, position });
    listEntry(data);
    return true;
  }

  function addEdge(source, target, label) {
    const id = `${source}|${label}|${target}`;
    if (cy.getElementById(id).nonempty() || cy.getElementById(source).empty() || cy.getElementById(target).empty()) return;
    cy.add({ group: 'edges', data: { id, source, target, label } });
  }

  function place(item, origin) {
    const added = addNode(item.node, origin);
    const source = item.source || item.node.id;
    const target = item.target || item.node.id;
    addEdge(source, target, item.label);
    return added;
  }

  async function colour(ids) {
    const queue = [...ids];
    const worker = async () => {
      while (queue.length) {
        const id = queue.shift();
        const node = cy.getElementById(id);
        try {
          const rep = await getJson(`hosts/${key(node.data('value'))}/reputation`);
          node.data('classification', rep.classification);
          entries.get(id)?.querySelector('.node-entry')?.setAttribute('data-classification', rep.classification);
        } catch {
          // No reputation for this host: it keeps the neutral grey of "unknown".
        }
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
  }

  function layout() {
    cy.layout({ name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 90, fit: true, padding: 20 }).run();
  }

  /** Adds up to EXPANSION_LIMIT new nodes from the host's waiting items; the rest stay behind its "+N more" node. */
  async function drain(selfId) {
    const state = pending.get(selfId);
    const origin = cy.getElementById(selfId).position();
    let added = 0;
    const newHosts = [];
    while (added < EXPANSION_LIMIT) {
      if (!state.items.length) {
        const page = state.pages.shift();
        if (!page) break;
        const result = await getPage(page.next);
        if (result.next) state.pages.push({ relation: page.relation, next: result.next });
        state.items.push(...result.items.flatMap(page.relation.map));
        continue;
      }
      const item = state.items.shift();
      if (place(item, origin)) {
        added += 1;
        if (item.node.kind === 'hostname' || item.node.kind === 'ipAddress') newHosts.push(item.node.id);
      }
    }
    const moreId = `more:${selfId}`;
    const waiting = state.items.filter((i) => cy.getElementById(i.node.id).empty()).length;
    const remote = state.pages.length > 0;
    const more = cy.getElementById(moreId);
    if (waiting || remote) {
      const label = `+${waiting}${remote ? '+' : ''} more`;
      if (more.empty()) {
        addNode({ id: moreId, kind: 'more', label, of: selfId }, origin);
        addEdge(selfId, moreId, '');
      } else {
        more.data('label', label);
      }
      const entry = entries.get(moreId)?.querySelector('.node-entry');
      if (entry) entry.lastChild.textContent = ` ${label} of ${cy.getElementById(selfId).data('label')}`;
    } else if (more.nonempty()) {
      more.remove();
      entries.get(moreId)?.remove();
      entries.delete(moreId);
    }
    layout();
    updateStatus();
    await colour(newHosts);
  }

  async function expand(node) {
    const data = node.data();
    if (data.expanded) return;
    node.data('expanded', true);
    entries.get(data.id)?.querySelector('.node-entry')?.setAttribute('aria-expanded', 'true');
    const id = data.value;
    const rels = relations(id);
    const results = await Promise.all(rels.map(async (relation) => {
      try {
        return { relation, page: await getPage(`hosts/${key(id)}/${relation.path}${query({ $top: EXPANSION_LIMIT })}`) };
      } catch (error) {
        if (!(error instanceof ApiError) || (error.status !== 404 && error.status !== 400)) {
          notes.append(errorBox(error));
        }
        return { relation, page: { items: [], next: null } };
      }
    }));
    const extra = [];
    if (data.kind === 'hostname') {
      try {
        const whois = await getJson(`hosts/${key(id)}/whois`);
        for (const ns of whois.nameservers || []) {
          if (ns.host?.id) extra.push({ node: hostNode(ns.host.id, 'hostname'), source: data.id, label: 'name server' });
        }
        const registrar = whois.registrar?.name || whois.registrar?.organization;
        if (registrar) extra.push({ node: { id: `registrar:${registrar}`, kind: 'registrar', value: registrar, label: registrar }, source: data.id, label: 'registrar' });
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 404) notes.append(errorBox(error));
      }
      const labels = id.split('.');
      if (labels.length > 2) {
        const parent = labels.slice(1).join('.');
        try {
          await getJson(`hosts/${key(parent)}`);
          extra.unshift({ node: hostNode(parent, 'hostname'), source: `host:${parent}`, target: data.id, label: 'subdomain' });
        } catch {
          // The parent domain is not in the store: no node for it.
        }
      }
    }
    // Interleave the relations so that a bounded expansion shows some of each kind rather than only the first.
    const lists = [extra, ...results.map((r) => r.page.items.flatMap(r.relation.map))];
    const items = [];
    for (let i = 0; lists.some((l) => i < l.length); i++) {
      for (const l of lists) if (i < l.length) items.push(l[i]);
    }
    pending.set(data.id, { items, pages: results.filter((r) => r.page.next).map((r) => ({ relation: r.relation, next: r.page.next })) });
    // Edges between nodes already drawn cost nothing: draw them all now.
    for (const item of items) {
      if (cy.getElementById(item.node.id).nonempty()) place(item);
    }
    await drain(data.id);
  }

  function activate(node) {
    if (!node || node.empty()) return;
    const data = node.data();
    focusNode(node);
    const run = async () => {
      if (data.kind === 'more') {
        await drain(data.of);
      } else if (data.kind === 'hostname' || data.kind === 'ipAddress') {
        await expand(node);
      }
    };
    busy = busy.then(run).catch((error) => notes.append(errorBox(error))).finally(() => {
      canvas.dataset.busy = 'false';
    });
    canvas.dataset.busy = 'true';
    return busy;
  }

  cy.on('tap', 'node', (event) => activate(event.target));
  cy.on('dbltap', 'node', (event) => open(event.target.data()));
  openSelected.addEventListener('click', () => {
    const selected = cy.$('node:selected');
    if (selected.nonempty()) open(selected.first().data());
  });
  fit.addEventListener('click', () => cy.fit(undefined, 20));

  const rootData = { ...hostNode(host.id, T(host)), root: true };
  addNode(rootData);
  updateStatus();
  await activate(cy.getElementById(rootData.id));
}
