// A pivot list: every row of one API set that shares a value (#/pivot/<set>?filter=...&search=...&label=...).

import { getPage, query } from '../api.js';
import { h, title, pagedTable } from '../ui.js';
import { columns } from '../columns.js';

export async function render(root, params) {
  const set = params.id || '';
  const cols = columns[set];
  root.append(title(params.label || `Pivot: ${set}`));
  if (!cols) {
    root.append(h('p', { class: 'error', role: 'alert' }, `Unknown pivot set '${set}'.`));
    return;
  }
  const q = { $top: 100, $count: 'true' };
  if (params.filter) q.$filter = params.filter;
  if (params.search) q.$search = params.search;
  root.append(h('p', { class: 'query' }, h('code', {}, `${set}${decodeURIComponent(query({ $filter: q.$filter, $search: q.$search }))}`)));
  let total = null;
  const t = await pagedTable(cols, `${set}${query(q)}`, async (path) => {
    const page = await getPage(path);
    if (page.count !== null && total === null) total = page.count;
    return page;
  }, { exportName: `${set}-${params.label || 'pivot'}`, empty: 'Nothing shares this value.' });
  if (total !== null) root.append(h('p', { class: 'total', dataset: { total } }, `${total} in all`));
  root.append(t.element);
}
