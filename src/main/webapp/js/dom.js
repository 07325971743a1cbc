// Building the page: every element through the DOM API, every piece of data as text (never innerHTML),
// styles only through classes (the Content-Security-Policy allows no inline style).

/** h('tag.class', {attr: value, onclick: fn}, child, …): children are nodes, strings (as text), arrays or null. */
export function h(spec, attrs, ...children) {
  const [tag, ...classes] = spec.split('.');
  const el = document.createElement(tag || 'div');
  if (classes.length) el.className = classes.join(' ');
  if (attrs && (attrs.nodeType || typeof attrs !== 'object' || Array.isArray(attrs))) {
    children.unshift(attrs);
    attrs = null;
  }
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = [el.className, value].filter(Boolean).join(' ');
    else if (key === 'value') el.value = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child.nodeType ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

const SVG = 'http://www.w3.org/2000/svg';
export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  append(el, children);
  return el;
}

let idSeq = 0;
export const uid = (prefix) => `${prefix}-${++idSeq}`;

/** A labelled form field: the input gets an id, the label points at it, errors go below it. */
export function field(label, input, hint) {
  input.id ||= uid('f');
  const hintEl = hint ? h('small.hint', { id: uid('hint') }, hint) : null;
  if (hintEl) input.setAttribute('aria-describedby', hintEl.id);
  return h('div.field', h('label', { for: input.id }, label), input, hintEl);
}

export function select(name, options, attrs = {}) {
  return h('select', { name, ...attrs },
    options.map(([value, text]) => h('option', { value }, text)));
}

export const money = (n) => n === null || n === undefined ? '—'
  : Number(n).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const num = (n) => n === null || n === undefined ? '—' : Number(n).toLocaleString('en-US');
export const when = (iso) => iso ? new Date(iso).toLocaleString('en-GB', { timeZone: 'UTC' }) + ' UTC' : '—';
export const label = (s) => s ? String(s).replaceAll('_', ' ') : '';

export function badge(status) {
  return h('span.badge', { class: `badge-${status}` }, label(status));
}

/**
 * A table; columns: [[header, row => cell content], …]; an empty list shows what to do instead. Its wrapper
 * scrolls sideways when the table is wider than the screen, so it takes the focus (keyboard users scroll it
 * with the arrow keys) and is a region named by the caption.
 */
export function table(caption, columns, rows, empty) {
  if (!rows.length) return h('p.empty', { role: 'status' }, empty);
  return h('div.table-wrap', { tabindex: 0, role: 'region', 'aria-label': caption },
    h('table',
      h('caption.visually-hidden', caption),
      h('thead', h('tr', columns.map(([head]) => h('th', { scope: 'col' }, head)))),
      h('tbody', rows.map((row) => h('tr', columns.map(([, cell]) => h('td', cell(row))))))));
}

/** A page heading that takes the focus after navigation, so that screen readers announce the new screen. */
export function heading(text, ...extra) {
  return h('div.page-head', h('h1', { tabindex: '-1', id: 'page-title' }, text), extra);
}

/** A link inside the console (history navigation, no reload). */
export function link(href, text, attrs = {}) {
  return h('a', { href, 'data-nav': '', ...attrs }, text);
}
