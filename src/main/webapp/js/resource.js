// One form for every master-data noun: its fields declared as data (name, label, type, bounds, picker
// source), the same declaration creating (POST; Idempotency-Key where the API takes one) and editing (PUT
// with If-Match from the ETag the screen loaded, so a stale edit is a 412 shown as a problem).
import { h, field, money, num, uid } from './dom.js';
import { call, get } from './api.js';
import { onSubmit, keyedBody, text } from './forms.js';
import { picker } from './views/orders.js';

/**
 * A field: { name, label, type, required, max, min, pattern, hint, only, value, source }
 *   type: text (default) | email | tel | password | textarea | number | money | date | checkbox | picker
 *   max: the length of a text, the largest number; min: the smallest number
 *   only: 'create' | 'edit' (absent: both); value: the default on create
 *   source (pickers): { api, text: (item) => option text, query }
 */
function inputFor(f, value) {
  const common = { name: f.name, required: f.required, 'aria-required': f.required ? 'true' : null };
  switch (f.type) {
    case 'textarea':
      return h('textarea', { ...common, maxlength: f.max, rows: 3 }, value ?? '');
    case 'number':
      return h('input', { ...common, type: 'number', step: 1, min: f.min ?? 0, max: f.max, value: value ?? '' });
    case 'money':
      return h('input', { ...common, type: 'number', step: '0.01', min: f.min ?? 0, max: f.max ?? 9999999999.99, inputmode: 'decimal', value: value ?? '' });
    case 'date':
      return h('input', { ...common, type: 'date', value: value ?? '' });
    case 'checkbox':
      return h('input', { ...common, type: 'checkbox', checked: Boolean(value) });
    default:
      return h('input', { ...common, type: f.type || 'text', maxlength: f.max, pattern: f.pattern, value: value ?? '',
        autocomplete: f.type === 'password' ? 'new-password' : 'off' });
  }
}

/** A picker over a paged list, showing the current choice even when the first page of matches does not hold it. */
async function pickerFor(f, value) {
  const el = picker(f.label, f.name, f.source.api, f.source.text, f.source.query);
  await el.ready;
  const list = el.querySelector('select');
  if (value !== null && value !== undefined) {
    if (![...list.options].some((o) => o.value === String(value))) {
      const current = await get(`${f.source.api}/${value}`).catch(() => null);
      const o = h('option', { value }, current ? f.source.text(current) : `#${value}`);
      o.item = current;
      list.append(o);
    }
    list.value = String(value);
  }
  return el;
}

function valueOf(f, data) {
  const v = data.get(f.name);
  switch (f.type) {
    case 'checkbox': return v !== null;
    case 'number': case 'money': case 'picker': return v === null || String(v).trim() === '' ? undefined : Number(v);
    case 'date': return v || undefined;
    case 'password': return v || undefined;
    default: return text(v);
  }
}

const wanted = (f, editing) => !f.only || f.only === (editing ? 'edit' : 'create');

/** The value of a field as a screen shows it. */
export function shown(f, value) {
  if (value === null || value === undefined || value === '') return '—';
  if (f.type === 'checkbox') return value ? 'yes' : 'no';
  if (f.type === 'money') return money(value);
  if (f.type === 'number') return num(value);
  return String(value);
}

/** A definition list of label → value pairs (null values show a dash). */
export function facts(rows) {
  return h('dl.facts', rows.map(([term, value]) => [h('dt', term), h('dd', value ?? '—')]));
}

/**
 * The form that creates (item absent) or edits (item and its etag) one thing of a noun.
 * options: fields, api (the collection), item, etag, idempotent (POST takes an Idempotency-Key), fixed (values
 * sent as they are, e.g. the parent of a new node), name (data-form; default create or edit), title, submit (button text), done(result) after success.
 */
export async function resourceForm({ fields, api, item = null, etag = null, idempotent = false, fixed = {}, name, title, submit, done }) {
  const editing = item !== null;
  const titleId = uid('form');
  const own = fields.filter((f) => wanted(f, editing));
  const parts = await Promise.all(own.map((f) => {
    const value = editing ? item[f.name] : f.value;
    if (f.type === 'picker') return pickerFor(f, value);
    const input = inputFor(f, value);
    return field(f.label, input, f.hint);
  }));
  const form = h('form.card', { novalidate: true, 'aria-labelledby': titleId, 'data-form': name || (editing ? 'edit' : 'create') },
    h('h2', { id: titleId }, title),
    h('div.grid', parts.filter((p) => !p.classList.contains('picker'))),
    parts.filter((p) => p.classList.contains('picker')),
    h('button.primary', { type: 'submit' }, submit));
  const keyFor = idempotent ? keyedBody() : () => undefined;
  onSubmit(form, (data) => {
    const body = { ...fixed };
    for (const f of own) body[f.name] = valueOf(f, data);
    return editing
      ? call('PUT', `${api}/${item.id}`, { body, etag })
      : call('POST', api, { body, idempotencyKey: keyFor(body) });
  }, done);
  return form;
}

/** Facts for every declared field of an item (passwords and create-only fields left out). */
export function factsOf(fields, item) {
  return facts(fields.filter((f) => f.type !== 'password' && f.only !== 'create')
    .map((f) => [f.label, f.show ? f.show(item) : shown(f, item[f.name])]));
}
