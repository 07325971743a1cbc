// Products: search and filters, one product with its stock-movement history, stock adjustment (managers).
import { h, heading, money, num, link, badge, field } from '../dom.js';
import { call, get } from '../api.js';
import { onSubmit, keyedBody, text, int } from '../forms.js';
import { can, refreshScreen } from '../shell.js';
import { pagedList, textInput, choice } from '../list.js';
import { movements } from './stock.js';

export async function productsView() {
  return h('div',
    heading('Products'),
    await pagedList({
      api: '/api/products', caption: 'Products',
      filters: [['q', 'Search', textInput('Name, SKU or description')], ['category', 'Category', textInput('Category')],
        ['low_stock', 'Stock', h('select', h('option', { value: '' }, 'Any'), h('option', { value: 'true' }, 'Low on stock only'))]],
      columns: [['SKU', (p) => p.sku], ['Name', (p) => link(`/app/products/${p.id}`, p.name)], ['Category', (p) => p.category || '—'],
        ['Price', (p) => money(p.price)], ['In stock', (p) => num(p.stock_quantity)], ['Status', (p) => badge(p.stock_status)]],
      empty: 'No products yet. An administrator adds them through the API (POST /api/products).',
    }));
}

export async function productView(id) {
  const p = await get(`/api/products/${id}`);
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
  return h('div',
    heading(p.name, badge(p.stock_status)),
    h('dl.facts',
      h('dt', 'SKU'), h('dd', p.sku),
      h('dt', 'Category'), h('dd', p.category || '—'),
      h('dt', 'Price'), h('dd', money(p.price)),
      h('dt', 'In stock'), h('dd', { 'data-figure': 'stock_quantity' }, num(p.stock_quantity)),
      h('dt', 'Reorder level'), h('dd', num(p.reorder_level)),
      h('dt', 'Description'), h('dd', p.description || '—')),
    adjust,
    h('h2', 'Stock movements'),
    await movements(`/api/products/${p.id}/stock-movements`),
    h('p', link('/app/products', '← All products')));
}
