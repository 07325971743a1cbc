// Products: search and filters, one product with its stock-movement history and bill of materials, stock
// adjustment (managers); admins create, edit and delete products through the shared resource form.
import { h, heading, money, num, link, badge, field } from '../dom.js';
import { call, get } from '../api.js';
import { onSubmit, keyedBody, text, int, actionButton } from '../forms.js';
import { can, navigate, refreshScreen } from '../shell.js';
import { pagedList, textInput, choice } from '../list.js';
import { resourceForm } from '../resource.js';
import { movements } from './stock.js';
import { bomSection } from './bom.js';

/** What a product is made of, as the resource form creates and edits it (stock moves only through the ledger). */
const FIELDS = [
  { name: 'sku', label: 'SKU', required: true, max: 64, hint: 'Unique; letters, digits, . _ / or -' },
  { name: 'name', label: 'Name', required: true, max: 200 },
  { name: 'price', label: 'Price', type: 'money', required: true },
  { name: 'stock_quantity', label: 'Initial stock', type: 'number', max: 1000000000, only: 'create' },
  { name: 'reorder_level', label: 'Reorder level', type: 'number', max: 1000000000 },
  { name: 'category', label: 'Category', max: 100 },
  { name: 'description', label: 'Description', type: 'textarea', max: 2000 },
  { name: 'active', label: 'Active (sold)', type: 'checkbox', value: true },
];

export async function productsView() {
  return h('div',
    heading('Products', can('admin') ? link('/app/products/new', 'New product', { class: 'button primary', 'data-action': 'new' }) : null),
    await pagedList({
      api: '/api/products', caption: 'Products',
      filters: [['q', 'Search', textInput('Name, SKU or description')], ['category', 'Category', textInput('Category')],
        ['low_stock', 'Stock', h('select', h('option', { value: '' }, 'Any'), h('option', { value: 'true' }, 'Low on stock only'))]],
      columns: [['SKU', (p) => p.sku], ['Name', (p) => link(`/app/products/${p.id}`, p.name)], ['Category', (p) => p.category || '—'],
        ['Price', (p) => money(p.price)], ['In stock', (p) => num(p.stock_quantity)], ['Status', (p) => badge(p.stock_status)]],
      empty: can('admin') ? 'No products yet. Add one with “New product”.' : 'No products yet. An administrator adds them.',
    }));
}

export async function productView(id) {
  const { data: p, etag } = await call('GET', `/api/products/${id}`);
  let adjust = null;
  if (can('manager')) {
    adjust = h('form.card', { novalidate: true, 'aria-labelledby': 'adjust-title' },
      h('h2', { id: 'adjust-title' }, 'Adjust stock'),
      field('Change (negative removes)', h('input', { name: 'delta', type: 'number', min: -1000000, max: 1000000 })),
      field('Reason', h('input', { name: 'reason', maxlength: 500 })),
      h('button.primary', { type: 'submit' }, 'Adjust'));
    const keyFor = keyedBody();
    onSubmit(adjust, (data) => {
      const body = { delta: int(data.get('delta')), reason: text(data.get('reason')) };
      return call('POST', `/api/products/${p.id}/adjust-stock`, { body, idempotencyKey: keyFor(body) });
    }, refreshScreen);
  }
  const manage = can('admin') ? h('div.actions',
    link(`/app/products/${p.id}/edit`, 'Edit product', { class: 'button', 'data-action': 'edit' }),
    actionButton(`Delete ${p.name}`, () => call('DELETE', `/api/products/${p.id}`, { etag }).then(() => navigate('/app/products')),
      { class: 'danger', 'data-action': 'delete' })) : null;
  return h('div',
    heading(p.name, badge(p.stock_status), p.active ? null : badge('inactive')),
    h('dl.facts',
      h('dt', 'SKU'), h('dd', p.sku),
      h('dt', 'Category'), h('dd', p.category || '—'),
      h('dt', 'Price'), h('dd', money(p.price)),
      h('dt', 'In stock'), h('dd', { 'data-figure': 'stock_quantity' }, num(p.stock_quantity)),
      h('dt', 'Reorder level'), h('dd', num(p.reorder_level)),
      h('dt', 'Description'), h('dd', p.description || '—')),
    manage,
    adjust,
    h('h2', 'Stock movements'),
    await movements(`/api/products/${p.id}/stock-movements`),
    await bomSection(p.id),
    h('p', link('/app/products', '← All products')));
}

export async function newProductView() {
  return h('div',
    heading('New product'),
    await resourceForm({ fields: FIELDS, api: '/api/products', title: 'The new product', submit: 'Create product',
      done: (r) => navigate(`/app/products/${r.data.id}`) }),
    h('p', link('/app/products', '← All products')));
}

export async function editProductView(id) {
  const { data: p, etag } = await call('GET', `/api/products/${id}`);
  return h('div',
    heading(`Edit ${p.name}`),
    await resourceForm({ fields: FIELDS, api: '/api/products', item: p, etag, title: 'The product', submit: 'Save',
      done: () => navigate(`/app/products/${p.id}`) }),
    h('p', link(`/app/products/${p.id}`, `← ${p.name}`)));
}
