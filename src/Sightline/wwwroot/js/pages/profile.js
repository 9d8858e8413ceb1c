// An intel profile (actor or tool): what it is, whom it targets, its tradecraft, and its indicators.

import { getJson, getPage, key, query } from '../api.js';
import { h, title, facts, formatDate, pagedTable, getOrMissing } from '../ui.js';
import { formatted, indicatorColumns } from '../content.js';

function list(values, className) {
  return values && values.length ? h('ul', { class: className }, values.map((v) => h('li', {}, v))) : '';
}

function section(id, heading, content) {
  return content ? h('section', { 'aria-labelledby': id }, h('h2', { id }, heading), content) : null;
}

export async function render(root, params) {
  const id = params.id || '';
  const profile = await getOrMissing(root, `intelProfiles/${key(id)}`, `Intel profile ${id}`, `There is no intel profile ${id}.`);
  if (!profile) return;
  root.append(title(profile.title || profile.id, ' ', h('span', { class: 'kind' }, `(${profile.kind || 'profile'})`)));
  const origins = (profile.countriesOrRegionsOfOrigin || []).map((c) => (c.code && c.label && c.code !== c.label ? `${c.label} (${c.code})` : c.label || c.code));
  root.append(h('section', { class: 'panel', 'aria-label': 'About this profile' }, facts([
    ['Kind', profile.kind],
    ['Aliases', list(profile.aliases, 'tags aliases')],
    ['First active', formatDate(profile.firstActiveDateTime)],
    ['Sponsor states / origin', list(origins, 'tags origins')],
    ['Targets', list(profile.targets, 'tags targets')],
  ])));
  for (const part of [
    section('profile-summary', 'Summary', formatted(profile.summary, 'formatted summary')),
    section('profile-description', 'Description', formatted(profile.description, 'formatted description')),
    section('profile-tradecraft', 'Tradecraft', formatted(profile.tradecraft, 'formatted tradecraft')),
  ]) {
    if (part) root.append(part);
  }
  const indicators = h('section', { 'aria-labelledby': 'profile-indicators' }, h('h2', { id: 'profile-indicators' }, 'Indicators'));
  root.append(indicators);
  const t = await pagedTable(indicatorColumns({ seen: true }), `intelProfiles/${key(profile.id)}/indicators${query({ $top: 100 })}`, (p) => getPage(p),
    { exportName: `profile-${profile.title || profile.id}-indicators`, empty: 'No indicators recorded for this profile.' });
  indicators.append(t.element);
}
