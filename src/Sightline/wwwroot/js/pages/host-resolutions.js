// The host page's resolutions tab: passive DNS forward or reverse, fenced in time, filtered by record type, with a
// timeline of how many resolutions were active each month.

import uPlot from '../../lib/uplot/uPlot.esm.js';
import { getAll, getPage, key, query, literal } from '../api.js';
import { h, pagedTable, errorBox } from '../ui.js';
import { columns } from '../columns.js';

const RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'NS', 'PTR', 'SOA', 'TXT', 'SRV'];
const COLORS = ['#0b5cad', '#b42318', '#3b6e3b', '#b54708', '#6941c6', '#0e7090', '#c11574', '#475467', '#854a0e'];
const CHART_MAX = 2000;

/** The $filter for the fence and the type; the fence keeps every resolution whose seen period overlaps it. */
export function resolutionFilter({ type, from, to }) {
  const parts = [];
  if (type) parts.push(`recordType eq ${literal(type)}`);
  if (from) parts.push(`lastSeenDateTime ge ${from}T00:00:00Z`);
  if (to) parts.push(`firstSeenDateTime le ${to}T23:59:59Z`);
  return parts.join(' and ');
}

function monthStart(date) {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

/** Per record type, how many resolutions were seen (first..last) during each month. */
export function monthlySeries(rows) {
  const spans = rows
    .map((r) => ({ type: r.recordType, first: new Date(r.firstSeenDateTime), last: new Date(r.lastSeenDateTime || r.firstSeenDateTime) }))
    .filter((s) => !Number.isNaN(s.first.getTime()) && !Number.isNaN(s.last.getTime()));
  if (!spans.length) return null;
  const start = Math.min(...spans.map((s) => monthStart(s.first)));
  const end = Math.max(...spans.map((s) => monthStart(s.last)));
  const months = [];
  for (let d = new Date(start); d.getTime() <= end; d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))) {
    months.push(d.getTime());
  }
  const types = [...new Set(spans.map((s) => s.type))].sort();
  const counts = types.map((type) => months.map((m) => spans.filter((s) => s.type === type && monthStart(s.first) <= m && monthStart(s.last) >= m).length));
  return { months, types, counts };
}

function chart(container, rows) {
  container.replaceChildren();
  const series = monthlySeries(rows);
  if (!series) return;
  const width = Math.max(320, container.clientWidth || 900);
  const opts = {
    width,
    height: 180,
    scales: { x: { time: true } },
    series: [{}, ...series.types.map((type, i) => ({ label: type, stroke: COLORS[i % COLORS.length], width: 2, points: { show: series.months.length < 40 } }))],
    axes: [{}, { label: 'active', size: 50 }],
    legend: { live: false },
  };
  // uPlot's x values are seconds.
  const plot = new uPlot(opts, [series.months.map((m) => m / 1000), ...series.counts], container);
  container.dataset.types = series.types.join(',');
  container.dataset.months = String(series.months.length);
  return plot;
}

export async function renderResolutions(panel, host) {
  const ip = (host['@odata.type'] || '').endsWith('ipAddress');
  const direction = h('select', { id: 'dns-direction', name: 'direction' },
    h('option', { value: 'passiveDns', selected: !ip }, ip ? 'Forward (PTR answers for this address)' : 'Forward (what this name resolved to)'),
    h('option', { value: 'passiveDnsReverse', selected: ip }, 'Reverse (names that resolved to this host)'));
  const type = h('select', { id: 'dns-type', name: 'type' }, h('option', { value: '' }, 'All types'), RECORD_TYPES.map((t) => h('option', { value: t }, t)));
  const from = h('input', { id: 'dns-from', name: 'from', type: 'date' });
  const to = h('input', { id: 'dns-to', name: 'to', type: 'date' });
  const form = h('form', { class: 'filters', id: 'dns-filters' },
    h('label', { for: 'dns-direction' }, 'Direction', direction),
    h('label', { for: 'dns-type' }, 'Record type', type),
    h('label', { for: 'dns-from' }, 'Seen from', from),
    h('label', { for: 'dns-to' }, 'Seen to', to),
    h('button', { type: 'submit' }, 'Apply'));
  const figure = h('figure', { class: 'chart-figure' },
    h('figcaption', {}, 'Resolutions seen each month, by record type'),
    h('div', { class: 'chart', id: 'dns-chart', role: 'img', 'aria-label': 'Timeline of resolutions seen each month by record type' }));
  const results = h('div', { class: 'dns-results' });
  panel.append(form, figure, results);

  async function refresh() {
    results.replaceChildren();
    const filter = resolutionFilter({ type: type.value, from: from.value, to: to.value });
    const path = `hosts/${key(host.id)}/${direction.value}`;
    try {
      const [t, all] = await Promise.all([
        pagedTable(columns.passiveDns, `${path}${query({ $filter: filter, $top: 100 })}`, getPage,
          { exportName: `${host.id}-${direction.value}`, empty: 'No resolutions in this fence.' }),
        getAll(`${path}${query({ $filter: filter, $top: 1000, $select: 'recordType,firstSeenDateTime,lastSeenDateTime' })}`, CHART_MAX),
      ]);
      results.append(t.element);
      chart(figure.querySelector('.chart'), all);
    } catch (error) {
      results.append(errorBox(error));
    }
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    refresh();
  });
  direction.addEventListener('change', refresh);
  type.addEventListener('change', refresh);
  await refresh();
}
