// An index page of one API set (articles, intel profiles): a search box for $search, then a paged table.

import { getPage, query } from './api.js';
import { h, title, pagedTable, route } from './ui.js';
import { columns } from './columns.js';

export async function listPage(root, params, { set, heading, orderby, noun }) {
  const q = (params.q || '').trim();
  const page = set === 'intelProfiles' ? 'profiles' : set;
  root.append(title(q ? `${heading} matching "${q}"` : heading));
  const box = h('input', { type: 'search', name: 'q', id: `${page}-q`, value: q, autocomplete: 'off' });
  root.append(h('form', { class: 'filters', role: 'search', onsubmit: (event) => {
    event.preventDefault();
    location.hash = route(page, { q: box.value.trim() });
  } }, h('label', { for: `${page}-q` }, `Search ${noun}`, box), h('button', { type: 'submit' }, 'Search')));
  const options = { $top: 25, $count: 'true' };
  if (q) options.$search = `"${q.replaceAll('"', '')}"`;
  else options.$orderby = orderby;
  let total = null;
  const t = await pagedTable(columns[set], `${set}${query(options)}`, async (path) => {
    const result = await getPage(path);
    if (total === null && result.count !== null) total = result.count;
    return result;
  }, { exportName: q ? `${set}-${q}` : set, empty: `No ${noun} match.` });
  if (total !== null) root.append(h('p', { class: 'total', dataset: { total } }, `${total} ${noun} in all`));
  root.append(t.element);
}
