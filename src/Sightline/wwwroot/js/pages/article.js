// An article: title, dates, tags, summary and body (sanitised), and its indicators, each a pivot.

import { getJson, getPage, key, query } from '../api.js';
import { h, title, facts, formatDateTime, pagedTable, getOrMissing } from '../ui.js';
import { formatted, indicatorColumns } from '../content.js';

export async function render(root, params) {
  const id = params.id || '';
  const article = await getOrMissing(root, `articles/${key(id)}`, `Article ${id}`, `There is no article ${id}.`);
  if (!article) return;
  root.append(title(article.title || article.id));
  root.append(h('section', { class: 'panel', 'aria-label': 'About this article' }, facts([
    ['Created', formatDateTime(article.createdDateTime)],
    ['Last updated', formatDateTime(article.lastUpdatedDateTime)],
    ['Featured', article.isFeatured ? 'yes' : ''],
    ['Tags', (article.tags || []).length ? h('ul', { class: 'tags' }, article.tags.map((t) =>
      h('li', {}, h('a', { href: `#/articles?q=${encodeURIComponent(t)}`, class: 'tag' }, t)))) : ''],
  ])));
  const summary = formatted(article.summary, 'formatted summary');
  if (summary) root.append(h('section', { 'aria-labelledby': 'article-summary' }, h('h2', { id: 'article-summary' }, 'Summary'), summary));
  const body = formatted(article.body, 'formatted body');
  if (body) root.append(h('section', { 'aria-labelledby': 'article-body' }, h('h2', { id: 'article-body' }, 'Content'), body));

  const section = h('section', { 'aria-labelledby': 'article-indicators' }, h('h2', { id: 'article-indicators' }, 'Indicators'));
  root.append(section);
  const t = await pagedTable(indicatorColumns(), `articles/${key(article.id)}/indicators${query({ $top: 100 })}`, (p) => getPage(p),
    { exportName: `article-${article.id}-indicators`, empty: 'This article names no indicators.' });
  section.append(t.element);
}
