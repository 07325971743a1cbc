// Small SVG bar charts (no chart library: a few hundred bytes instead of ~70 KB gzipped, and nothing that
// needs inline styles). Each chart carries its figures as a table for screen readers.
import { h, svg, uid } from './dom.js';

export function barChart(title, points, format = String) {
  const width = 480;
  const height = 180;
  const pad = 24;
  const max = Math.max(1, ...points.map((p) => p.value));
  const step = (width - pad) / Math.max(points.length, 1);
  const every = Math.ceil(points.length / 12); // at most 12 axis labels: more would overlap
  const bars = points.map((p, i) => {
    const bh = Math.round((p.value / max) * (height - 2 * pad));
    const x = pad / 2 + i * step + step * 0.15;
    const y = height - pad - bh;
    return svg('g', {},
      svg('rect', { class: 'bar', x, y, width: step * 0.7, height: Math.max(bh, p.value > 0 ? 1 : 0), 'data-value': p.value },
        svg('title', {}, `${p.label}: ${format(p.value)}`)),
      i % every ? null : svg('text', { class: 'axis', x: x + step * 0.35, y: height - 8, 'text-anchor': 'middle' }, p.short || p.label));
  });
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `${title}, bar chart`, class: 'chart-svg' },
    svg('line', { class: 'baseline', x1: 0, x2: width, y1: height - pad, y2: height - pad }), ...bars);
  return h('figure.chart', h('figcaption', title), chart,
    h('table.visually-hidden', h('caption', title),
      h('tbody', points.map((p) => h('tr', h('th', { scope: 'row' }, p.label), h('td', format(p.value)))))));
}

/**
 * A ranking as horizontal bars, a row per label (long labels fit: category paths, supplier names): the
 * largest `limit` values (or the first `limit` in their order with sort: false). The SVG names itself with
 * <title> and <desc> (what it shows and its largest values); every figure is in the report's table too.
 */
export function rankChart(title, points, format = String, { limit = 10, sort = true, tableName = 'the table below' } = {}) {
  const ranked = sort ? points.slice().sort((a, b) => b.value - a.value) : points.slice();
  const shown = ranked.slice(0, limit).map((p) => ({ ...p, value: Math.max(0, p.value) }));
  const width = 480;
  const labelWidth = 170;
  const valueWidth = 90;
  const row = 26;
  const height = Math.max(shown.length, 1) * row + 6;
  const max = Math.max(1e-9, ...shown.map((p) => p.value));
  const titleId = uid('chart-title');
  const descId = uid('chart-desc');
  const cut = (text) => (text.length > 24 ? `${text.slice(0, 23)}…` : text);
  const desc = shown.length
    ? `${shown.length === points.length ? 'All' : `The first ${shown.length} of`} ${points.length} rows${sort ? ', largest first' : ''}: `
      + shown.slice(0, 3).map((p) => `${p.label} ${format(p.value)}`).join('; ') + `. Every figure is in ${tableName}.`
    : 'No figures in this period.';
  const bars = shown.map((p, i) => {
    const y = 3 + i * row;
    const w = (p.value / max) * (width - labelWidth - valueWidth);
    return svg('g', {},
      svg('text', { class: 'axis', x: labelWidth - 6, y: y + row / 2 + 4, 'text-anchor': 'end' }, cut(p.label)),
      svg('rect', { class: 'bar', x: labelWidth, y: y + 4, width: Math.max(w, p.value > 0 ? 1 : 0), height: row - 8, 'data-value': p.value },
        svg('title', {}, `${p.label}: ${format(p.value)}`)),
      svg('text', { class: 'axis', x: labelWidth + w + 4, y: y + row / 2 + 4 }, format(p.value)));
  });
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${titleId} ${descId}`, class: 'chart-svg' },
    svg('title', { id: titleId }, `${title}, bar chart`), svg('desc', { id: descId }, desc),
    svg('line', { class: 'baseline', x1: labelWidth, x2: labelWidth, y1: 0, y2: height }), ...bars);
  return h('figure.chart', h('figcaption', title), chart);
}
