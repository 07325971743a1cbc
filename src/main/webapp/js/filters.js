// Filters declared as data, for the screens that take an API's query parameters as they are (reports,
// exports): [name, label, kind, options]. kind: 'date', 'number' ({min, max, placeholder}), 'text'
// ({placeholder}), 'choice' (values), 'bool', 'ref' ({api, text: row => label, query}: a search box and a
// select of the API's rows, for ids such as category or supplier).
import { h, clear, label, uid } from './dom.js';
import { get } from './api.js';

export const PERIOD = [['date_from', 'From', 'date'], ['date_to', 'To', 'date']];
export const CATEGORY = ['category', 'Category', 'ref', { api: '/api/inventory/categories', text: (c) => c.path, query: { sort: 'path' } }];
export const LOCATION = ['location', 'Location', 'ref', { api: '/api/inventory/locations', text: (l) => `${l.path} (${l.name})`, query: { sort: 'path' } }];
export const SUPPLIER = ['supplier', 'Supplier', 'ref', { api: '/api/suppliers', text: (s) => `${s.code} — ${s.name}`, query: { sort: 'name' } }];

function refInput(name, text, options, value) {
  const list = h('select', { name });
  const search = h('input', { type: 'search', maxlength: 100, placeholder: 'Type to search', 'aria-label': `Search ${text.toLowerCase()}` });
  let asked = 0;
  const load = async () => {
    const mine = ++asked;
    const chosen = list.value || value;
    const q = search.value.trim();
    const result = await get(options.api, { ...options.query, q, per_page: 50 });
    if (mine !== asked) return;
    clear(list).append(h('option', { value: '' }, 'Any'),
      ...result.data.map((x) => h('option', { value: x.id }, options.text(x))));
    if (chosen && !result.data.some((x) => String(x.id) === String(chosen))) list.append(h('option', { value: chosen }, `#${chosen}`));
    list.value = chosen || '';
    list.dataset.q = q; // the options answer this search
  };
  let timer;
  search.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(load, 250); });
  list.ready = load().catch(() => {
    clear(list).append(h('option', { value: '' }, 'Any'));
    if (value) { list.append(h('option', { value }, `#${value}`)); list.value = value; }
  });
  return { input: list, extra: search };
}

function input(name, text, kind, options = {}, value = '') {
  switch (kind) {
    case 'date': return { input: h('input', { name, type: 'date', value }) };
    case 'number': return { input: h('input', { name, type: 'number', min: options.min, max: options.max, placeholder: options.placeholder, value }) };
    case 'choice': return { input: h('select', { name }, h('option', { value: '' }, options.any || 'Any'), options.values.map((v) => h('option', { value: v, selected: v === value }, label(v)))) };
    case 'bool': return { input: h('select', { name }, h('option', { value: '' }, 'Any'), h('option', { value: 'true', selected: value === 'true' }, options.yes || 'Yes'), h('option', { value: 'false', selected: value === 'false' }, options.no || 'No')) };
    case 'ref': return refInput(name, text, options, value);
    default: return { input: h('input', { name, type: 'search', maxlength: options.max || 100, placeholder: options.placeholder, value }) };
  }
}

/** The filters' fields, with the values given (name → value); ready resolves when the selects are filled. */
export function filterFields(filters, values = {}) {
  const ready = [];
  const fields = filters.map(([name, text, kind, options]) => {
    const { input: el, extra } = input(name, text, kind, options, values[name] || '');
    el.id = uid(`filter-${name}`);
    if (el.ready) ready.push(el.ready);
    return h('div.field', h('label', { for: el.id }, text), el, extra);
  });
  return { fields, ready: Promise.all(ready) };
}

/** The non-empty values of a form, as a query object. */
export function formQuery(form) {
  const q = {};
  for (const [k, v] of new FormData(form)) if (String(v).trim()) q[k] = String(v).trim();
  return q;
}
