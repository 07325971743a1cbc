// Small SVG bar charts (no chart library: a few hundred bytes instead of ~70 KB gzipped, and nothing that
// needs inline styles). Each chart carries its figures as a table for screen readers.
import { h, svg } from './dom.js';

export function barChart(title, points, format = String) {
  const width = 480;
  const height = 180;
  const pad = 24;
  const max = Math.max(1, ...points.map((p) => p.value));
  const step = (width - pad) / Math.max(points.length, 1);
  const bars = points.map((p, i) => {
    const bh = Math.round((p.value / max) * (height - 2 * pad));
    const x = pad / 2 + i * step + step * 0.15;
    const y = height - pad - bh;
    return svg('g', {},
      svg('rect', { class: 'bar', x, y, width: step * 0.7, height: Math.max(bh, p.value > 0 ? 1 : 0), 'data-value': p.value },
        svg('title', {}, `${p.label}: ${format(p.value)}`)),
      svg('text', { class: 'axis', x: x + step * 0.35, y: height - 8, 'text-anchor': 'middle' }, p.short || p.label));
  });
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `${title}, bar chart`, class: 'chart-svg' },
    svg('line', { class: 'baseline', x1: 0, x2: width, y1: height - pad, y2: height - pad }), ...bars);
  return h('figure.chart', h('figcaption', title), chart,
    h('table.visually-hidden', h('caption', title),
      h('tbody', points.map((p) => h('tr', h('th', { scope: 'row' }, p.label), h('td', format(p.value)))))));
}
