// Orders: the list (staff see the orders they took, admins all), one order with its lines and tax, the
// transitions the order allows (ship, complete, cancel: admins), and placing an order.
import { h, heading, money, num, when, link, table, badge, field, clear } from '../dom.js';
import { call, get } from '../api.js';
import { onSubmit, actionButton, showProblem, clearErrors, keyedBody } from '../forms.js';
import { can, navigate, refreshScreen } from '../shell.js';
import { pagedList, textInput, choice } from '../list.js';

const STATUSES = ['placed', 'shipped', 'completed', 'cancelled'];

export async function ordersView() {
  return h('div',
    heading('Orders', link('/app/orders/new', 'Place an order', { class: 'button primary' })),
    await pagedList({
      api: '/api/orders', caption: 'Orders', perPage: 20,
      filters: [['status', 'Status', choice(STATUSES)], ['customer_id', 'Customer id', h('input', { type: 'number', min: 1 })],
        ['date_from', 'From', h('input', { type: 'date' })], ['date_to', 'To', h('input', { type: 'date' })]],
      columns: [['Order', (o) => link(`/app/orders/${o.id}`, `#${o.id}`)], ['Date', (o) => o.order_date],
        ['Customer', (o) => o.customer.name], ['Status', (o) => badge(o.status)], ['Total', (o) => money(o.total)],
        ['Taken by', (o) => o.created_by]],
      empty: 'No orders yet. Place one with “Place an order”.',
    }));
}

export async function orderView(id) {
  const o = await get(`/api/orders/${id}`);
  const actions = can('admin') ? o.allowed_transitions.map((t) => actionButton(t[0].toUpperCase() + t.slice(1),
    () => call('POST', `/api/orders/${o.id}/${t}`).then(refreshScreen), { 'data-action': t })) : [];
  return h('div',
    heading(`Order #${o.id}`, badge(o.status)),
    h('dl.facts',
      h('dt', 'Customer'), h('dd', `${o.customer.name} (${o.customer.email})`),
      h('dt', 'Date'), h('dd', o.order_date),
      h('dt', 'Taken by'), h('dd', o.created_by),
      h('dt', 'Last change'), h('dd', when(o.updated_at))),
    table('Order lines', [['#', (l) => l.line_no], ['Product', (l) => link(`/app/products/${l.product_id}`, l.product_name)],
      ['Quantity', (l) => num(l.quantity)], ['Unit price', (l) => money(l.unit_price)], ['Line total', (l) => money(l.line_total)],
      ['Stock left', (l) => h('span', { 'data-remaining': l.product_id }, num(l.remaining_stock))]], o.lines, 'No lines.'),
    h('dl.totals',
      h('dt', 'Subtotal'), h('dd', money(o.subtotal)),
      h('dt', `Tax (${(o.tax_rate * 100).toFixed(2)} %)`), h('dd', money(o.tax)),
      h('dt', 'Total'), h('dd', { 'data-figure': 'total' }, money(o.total))),
    actions.length ? h('div.actions', actions) : null,
    h('p', link('/app/orders', '← All orders')));
}

/** A picker: a search box that fills a select from a paged API list (first 20 matches). */
export function picker(labelText, name, api, optionText, query = {}) {
  const search = h('input', { type: 'search', placeholder: 'Type to search', maxlength: 100, 'aria-label': `Search ${labelText.toLowerCase()}` });
  const list = h('select', { name });
  let asked = 0;
  const load = async () => {
    const mine = ++asked;
    const q = search.value.trim();
    const result = await get(api, { ...query, q, per_page: 20 });
    if (mine !== asked) return; // a later search answers instead
    const chosen = list.value;
    clear(list).append(h('option', { value: '' }, result.data.length ? `Choose (${result.pagination.total} found)` : 'Nothing found'),
      ...result.data.map((x) => { const o = h('option', { value: x.id }, optionText(x)); o.item = x; return o; }));
    if (chosen && result.data.some((x) => String(x.id) === chosen)) list.value = chosen; // a choice survives a search that still finds it
    list.dataset.q = q;
  };
  let timer;
  search.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(load, 250); });
  const el = h('div.picker', field(labelText, list), h('div.field', search));
  el.ready = load();
  el.selected = () => list.selectedOptions[0]?.item;
  return el;
}

export async function newOrderView() {
  const customers = picker('Customer', 'customer_id', '/api/customers', (c) => `${c.name} — ${c.email}`);
  const products = picker('Product', 'product_id', '/api/products', (p) => `${p.name} (${p.sku}) — ${p.stock_quantity} in stock, ${money(p.price)}`);
  await Promise.all([customers.ready, products.ready]);
  const lines = [];
  const linesBox = h('div.lines');
  const drawLines = () => clear(linesBox).append(table('Lines of the new order',
    [['Product', (l) => l.name], ['Quantity', (l) => num(l.quantity)], ['In stock', (l) => num(l.stock)],
      ['', (l) => h('button', { type: 'button', onclick: () => { lines.splice(lines.indexOf(l), 1); drawLines(); } }, `Remove ${l.name}`)]],
    lines, 'No lines yet: choose a product and a quantity, then “Add line”.'));
  drawLines();
  const quantity = h('input', { name: 'quantity', type: 'number', min: 1, max: 1000000, value: 1 });
  const form = h('form.card', { novalidate: true, 'aria-labelledby': 'page-title' },
    customers, h('fieldset', h('legend', 'Lines'), products, field('Quantity', quantity),
      h('button', { type: 'button', id: 'add-line', onclick: () => {
        clearErrors(form);
        const p = products.selected();
        const q = Number(quantity.value);
        if (!p || !(q > 0)) {
          showProblem(form, { message: 'Choose a product and a quantity of at least 1 first.' });
          return;
        }
        const same = lines.find((l) => l.product_id === p.id);
        if (same) same.quantity += q; else lines.push({ product_id: p.id, name: p.name, quantity: q, stock: p.stock_quantity });
        drawLines();
      } }, 'Add line'), linesBox),
    h('button.primary', { type: 'submit' }, 'Place order'));
  // one key per distinct body: a retry of the same order is replayed, never placed twice
  const keyFor = keyedBody();
  onSubmit(form, (data) => {
    const body = { customer_id: Number(data.get('customer_id')) || undefined, lines: lines.map(({ product_id, quantity: q }) => ({ product_id, quantity: q })) };
    return call('POST', '/api/orders', { body, idempotencyKey: keyFor(body) });
  }, (r) => navigate(`/app/orders/${r.data.id}`));
  return h('div', heading('Place an order'), form);
}
