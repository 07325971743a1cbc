// Parts (inventory items): search and filters, one part with its stock-movement history, add and remove
// stock (managers); managers create, edit and delete parts through the shared resource form.
import { h, heading, money, num, link, badge, field, select } from '../dom.js';
import { call, get } from '../api.js';
import { onSubmit, keyedBody, text, int, actionButton } from '../forms.js';
import { can, navigate, refreshScreen } from '../shell.js';
import { pagedList, textInput, choice } from '../list.js';
import { resourceForm } from '../resource.js';
import { movements } from './stock.js';

const categoryText = (c) => c.path;
const locationText = (l) => `${l.path} — ${l.name}`;
const supplierText = (s) => `${s.name} (${s.code})`;

/** What a part is made of, as the resource form creates and edits it (quantity moves only through stock). */
const FIELDS = [
  { name: 'sku', label: 'SKU', required: true, max: 64, hint: 'Unique; letters, digits, . _ / or -' },
  { name: 'name', label: 'Name', required: true, max: 200 },
  { name: 'unit', label: 'Unit', max: 16, hint: 'pcs when empty; e.g. kg, m, l' },
  { name: 'unit_cost', label: 'Unit cost', type: 'money', required: true },
  { name: 'reorder_level', label: 'Reorder level', type: 'number', max: 1000000000, hint: 'Below it the part is low on stock' },
  { name: 'reorder_quantity', label: 'Reorder quantity', type: 'number', max: 1000000000 },
  { name: 'description', label: 'Description', type: 'textarea', max: 2000 },
  { name: 'active', label: 'Active', type: 'checkbox', value: true },
  { name: 'category_id', label: 'Category', type: 'picker', source: { api: '/api/inventory/categories', text: categoryText } },
  { name: 'location_id', label: 'Location', type: 'picker', source: { api: '/api/inventory/locations', text: locationText } },
  { name: 'preferred_supplier_id', label: 'Preferred supplier', type: 'picker',
    source: { api: '/api/suppliers', text: supplierText, query: { active: 'true' } } },
];

const REASONS = ['ADJUSTMENT', 'RECEIPT', 'COUNT', 'DAMAGE', 'RETURN', 'CONSUMPTION'];

export async function partsView() {
  return h('div',
    heading('Parts', can('manager') ? link('/app/parts/new', 'New part', { class: 'button primary', 'data-action': 'new' }) : null),
    await pagedList({
      api: '/api/inventory/items', caption: 'Parts',
      filters: [['q', 'Search', textInput('Name, SKU or description')], ['status', 'Stock', choice(['in_stock', 'low_stock', 'out_of_stock'])],
        ['active', 'Active', h('select', h('option', { value: '' }, 'Any'), h('option', { value: 'true' }, 'Active'), h('option', { value: 'false' }, 'Inactive'))]],
      columns: [['SKU', (p) => p.sku], ['Name', (p) => link(`/app/parts/${p.id}`, p.name)], ['Unit', (p) => p.unit],
        ['Quantity', (p) => num(p.quantity)], ['Unit cost', (p) => money(p.unit_cost)], ['Status', (p) => badge(p.status)]],
      empty: can('manager') ? 'No parts yet. Add one with “New part”.' : 'No parts yet. A manager adds them.',
    }));
}

function stockForm(part, direction) {
  const form = h('form.card', { novalidate: true, 'aria-label': `${direction === 'add' ? 'Add' : 'Remove'} stock` },
    h('h2', direction === 'add' ? 'Add stock' : 'Remove stock'),
    field('Quantity', h('input', { name: 'quantity', type: 'number', min: 1, max: 1000000 })),
    field('Reason', select('reason', REASONS.map((r) => [r, r.toLowerCase()]))),
    field('Note', h('input', { name: 'note', maxlength: 500 })),
    h('button.primary', { type: 'submit' }, direction === 'add' ? 'Add' : 'Remove'));
  const keyFor = keyedBody();
  onSubmit(form, (data) => {
    const body = { quantity: int(data.get('quantity')), reason: data.get('reason'), note: text(data.get('note')) };
    return call('POST', `/api/inventory/items/${part.id}/${direction}-stock`, { body, idempotencyKey: keyFor(body) });
  }, refreshScreen);
  return form;
}

export async function partView(id) {
  const { data: p, etag } = await call('GET', `/api/inventory/items/${id}`);
  const named = (path, text) => (path ? get(path).then(text).catch(() => null) : null);
  const [category, location, supplier] = await Promise.all([
    named(p.category_id && `/api/inventory/categories/${p.category_id}`, categoryText),
    named(p.location_id && `/api/inventory/locations/${p.location_id}`, locationText),
    // suppliers are for managers to read
    can('manager') ? named(p.preferred_supplier_id && `/api/suppliers/${p.preferred_supplier_id}`, supplierText) : null]);
  const manage = can('manager') ? h('div.actions',
    link(`/app/parts/${p.id}/edit`, 'Edit part', { class: 'button', 'data-action': 'edit' }),
    actionButton(`Delete ${p.name}`, () => call('DELETE', `/api/inventory/items/${p.id}`, { etag }).then(() => navigate('/app/parts')),
      { class: 'danger', 'data-action': 'delete' })) : null;
  return h('div',
    heading(p.name, badge(p.status), p.active ? null : badge('inactive')),
    h('dl.facts',
      h('dt', 'SKU'), h('dd', p.sku),
      h('dt', 'Quantity'), h('dd', { 'data-figure': 'quantity' }, `${num(p.quantity)} ${p.unit}`),
      h('dt', 'Unit cost'), h('dd', money(p.unit_cost)),
      h('dt', 'Stock value'), h('dd', money(p.stock_value)),
      h('dt', 'Reorder level / quantity'), h('dd', `${num(p.reorder_level)} / ${num(p.reorder_quantity)}`),
      h('dt', 'Category'), h('dd', { 'data-figure': 'category' }, category || (p.category_id ? `#${p.category_id}` : '—')),
      h('dt', 'Location'), h('dd', { 'data-figure': 'location' }, location || (p.location_id ? `#${p.location_id}` : '—')),
      h('dt', 'Preferred supplier'), h('dd', { 'data-figure': 'supplier' }, supplier || (p.preferred_supplier_id ? `#${p.preferred_supplier_id}` : '—')),
      h('dt', 'Description'), h('dd', p.description || '—')),
    manage,
    can('manager') ? h('div.columns', stockForm(p, 'add'), stockForm(p, 'remove')) : null,
    h('h2', 'Stock movements'),
    await movements(`/api/inventory/items/${p.id}/stock-movements`),
    h('p', link('/app/parts', '← All parts')));
}

export async function newPartView() {
  return h('div',
    heading('New part'),
    await resourceForm({ fields: FIELDS, api: '/api/inventory/items', title: 'The new part', submit: 'Create part',
      done: (r) => navigate(`/app/parts/${r.data.id}`) }),
    h('p', link('/app/parts', '← All parts')));
}

export async function editPartView(id) {
  const { data: p, etag } = await call('GET', `/api/inventory/items/${id}`);
  return h('div',
    heading(`Edit ${p.name}`),
    await resourceForm({ fields: FIELDS, api: '/api/inventory/items', item: p, etag, title: 'The part', submit: 'Save',
      done: () => navigate(`/app/parts/${p.id}`) }),
    h('p', link(`/app/parts/${p.id}`, `← ${p.name}`)));
}
