// Parts (inventory items): search and filters, one part with its stock-movement history, add and remove
// stock (managers).
import { h, heading, money, num, link, badge, field, select } from '../dom.js';
import { call, get } from '../api.js';
import { onSubmit, keyedBody, text, int } from '../forms.js';
import { can, refreshScreen } from '../shell.js';
import { pagedList, textInput, choice } from '../list.js';
import { movements } from './stock.js';

const REASONS = ['ADJUSTMENT', 'RECEIPT', 'COUNT', 'DAMAGE', 'RETURN', 'CONSUMPTION'];

export async function partsView() {
  return h('div',
    heading('Parts'),
    await pagedList({
      api: '/api/inventory/items', caption: 'Parts',
      filters: [['q', 'Search', textInput('Name, SKU or description')], ['status', 'Stock', choice(['in_stock', 'low_stock', 'out_of_stock'])],
        ['active', 'Active', h('select', h('option', { value: '' }, 'Any'), h('option', { value: 'true' }, 'Active'), h('option', { value: 'false' }, 'Inactive'))]],
      columns: [['SKU', (p) => p.sku], ['Name', (p) => link(`/app/parts/${p.id}`, p.name)], ['Unit', (p) => p.unit],
        ['Quantity', (p) => num(p.quantity)], ['Unit cost', (p) => money(p.unit_cost)], ['Status', (p) => badge(p.status)]],
      empty: 'No parts yet. A manager adds them through the API (POST /api/inventory/items).',
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
  const p = await get(`/api/inventory/items/${id}`);
  return h('div',
    heading(p.name, badge(p.status)),
    h('dl.facts',
      h('dt', 'SKU'), h('dd', p.sku),
      h('dt', 'Quantity'), h('dd', { 'data-figure': 'quantity' }, `${num(p.quantity)} ${p.unit}`),
      h('dt', 'Unit cost'), h('dd', money(p.unit_cost)),
      h('dt', 'Stock value'), h('dd', money(p.stock_value)),
      h('dt', 'Reorder level / quantity'), h('dd', `${num(p.reorder_level)} / ${num(p.reorder_quantity)}`),
      h('dt', 'Description'), h('dd', p.description || '—')),
    can('manager') ? h('div.columns', stockForm(p, 'add'), stockForm(p, 'remove')) : null,
    h('h2', 'Stock movements'),
    await movements(`/api/inventory/items/${p.id}/stock-movements`),
    h('p', link('/app/parts', '← All parts')));
}
