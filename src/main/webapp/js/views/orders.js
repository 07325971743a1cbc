// Orders: the list (staff see the orders they took, admins all), one order with its lines and tax, the
// transitions the order allows (ship, complete, cancel: admins), placing an order, and for admins changing a
// placed order (customer, lines, quantities) or deleting it (the API cancels it).
import { h, heading, money, num, when, link, table, badge, field, clear, label } from '../dom.js';
import { call, get, ApiError } from '../api.js';
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
  const { data: o, etag } = await call('GET', `/api/orders/${id}`);
  const admin = can('admin');
  const actions = admin ? o.allowed_transitions.map((t) => actionButton(t[0].toUpperCase() + t.slice(1),
    () => call('POST', `/api/orders/${o.id}/${t}`).then(refreshScreen), { 'data-action': t })) : [];
  if (admin && o.status === 'placed') {
    // admins change a placed order (PUT) or delete it (DELETE: it is cancelled), both at the version on screen
    actions.push(link(`/app/orders/${o.id}/edit`, 'Edit order', { class: 'button', 'data-action': 'edit' }), deleteControl(o, etag));
  }
  return h('div',
    heading(`Order #${o.id}`, badge(o.status)),
    h('dl.facts',
      h('dt', 'Customer'), h('dd', { 'data-figure': 'customer' }, `${o.customer.name} (${o.customer.email})`),
      h('dt', 'Date'), h('dd', o.order_date),
      h('dt', 'Taken by'), h('dd', o.created_by),
      h('dt', 'Last change'), h('dd', when(o.updated_at))),
    table('Order lines', [['#', (l) => l.line_no], ['Product', (l) => link(`/app/products/${l.product_id}`, l.product_name)],
      ['Quantity', (l) => h('span', { 'data-quantity': l.product_id }, num(l.quantity))], ['Unit price', (l) => money(l.unit_price)], ['Line total', (l) => money(l.line_total)],
      ['Stock left', (l) => h('span', { 'data-remaining': l.product_id }, num(l.remaining_stock))]], o.lines, 'No lines.'),
    h('dl.totals',
      h('dt', 'Subtotal'), h('dd', money(o.subtotal)),
      h('dt', `Tax (${(o.tax_rate * 100).toFixed(2)} %)`), h('dd', money(o.tax)),
      h('dt', 'Total'), h('dd', { 'data-figure': 'total' }, money(o.total))),
    actions.length ? h('div.actions', actions) : null,
    h('p', link('/app/orders', '← All orders')));
}

/** “Delete order”, asking first: the API cancels the order (its stock goes back) at the version on screen. */
function deleteControl(o, etag) {
  const question = `delete-question-${o.id}`;
  const ask = h('button.danger', { type: 'button', 'data-action': 'delete', 'aria-expanded': 'false' }, 'Delete order');
  const confirm = h('div.confirm', { hidden: true, role: 'group', 'aria-labelledby': question },
    h('p', { id: question }, `Delete order #${o.id}? It is cancelled and its stock goes back on the shelves; it stays in the list as cancelled.`),
    h('div.actions',
      actionButton('Yes, delete the order', () => call('DELETE', `/api/orders/${o.id}`, { etag }).then(refreshScreen),
        { class: 'danger', 'data-action': 'confirm-delete' }),
      h('button', { type: 'button', onclick: () => { confirm.hidden = true; ask.setAttribute('aria-expanded', 'false'); ask.focus(); } }, 'Keep the order')));
  ask.addEventListener('click', () => {
    confirm.hidden = false;
    ask.setAttribute('aria-expanded', 'true');
    confirm.querySelector('button').focus();
  });
  return h('div.delete', ask, confirm);
}

/**
 * A picker: a search box that fills a select from a paged API list (first 20 matches). {@code initial}: an item
 * chosen from the start (kept as an option while it stays chosen, even when a search does not find it).
 */
export function picker(labelText, name, api, optionText, query = {}, initial = null) {
  const search = h('input', { type: 'search', placeholder: 'Type to search', maxlength: 100, 'aria-label': `Search ${labelText.toLowerCase()}` });
  const list = h('select', { name });
  let asked = 0;
  const load = async () => {
    const mine = ++asked;
    const q = search.value.trim();
    const result = await get(api, { ...query, q, per_page: 20 });
    if (mine !== asked) return; // a later search answers instead
    const chosen = list.value || (initial && list.options.length === 0 ? String(initial.id) : '');
    const found = [...result.data];
    if (initial && chosen === String(initial.id) && !found.some((x) => x.id === initial.id)) found.unshift(initial);
    clear(list).append(h('option', { value: '' }, result.data.length ? `Choose (${result.pagination.total} found)` : 'Nothing found'),
      ...found.map((x) => { const o = h('option', { value: x.id }, optionText(x)); o.item = x; return o; }));
    if (chosen && found.some((x) => String(x.id) === chosen)) list.value = chosen; // a choice survives a search that still finds it
    list.dataset.q = q;
  };
  let timer;
  search.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(load, 250); });
  const el = h('div.picker', field(labelText, list), h('div.field', search));
  el.ready = load();
  el.selected = () => list.selectedOptions[0]?.item;
  return el;
}

/**
 * The form of an order's customer and lines, for placing an order and for changing a placed one: a customer
 * picker, a product picker with a quantity and “Add line”, and the lines, each with its own quantity and
 * “Remove”. A shortage (409 INSUFFICIENT_STOCK) is explained at the top and shown at its line's quantity.
 * options: customer (preselected), lines ([{product_id, name, quantity, stock}]), caption (of the lines' table),
 * submit (the button's text), send(body) (the API call), done(result).
 */
async function orderForm({ customer = null, lines = [], caption, submit, send, done }) {
  const customers = picker('Customer', 'customer_id', '/api/customers', (c) => `${c.name} — ${c.email}`, {}, customer);
  const products = picker('Product', 'product_id', '/api/products', (p) => `${p.name} (${p.sku}) — ${p.stock_quantity} in stock, ${money(p.price)}`);
  await Promise.all([customers.ready, products.ready]);
  const linesBox = h('div.lines');
  const drawLines = () => clear(linesBox).append(table(caption,
    [['Product', (l) => l.name],
      ['Quantity', (l) => h('input', { type: 'number', name: `lines[${lines.indexOf(l)}].quantity`, min: 1, max: 1000000,
        value: l.quantity, 'aria-label': `Quantity of ${l.name}`, oninput: (e) => { l.quantity = Number(e.target.value); } })],
      ['In stock', (l) => num(l.stock)],
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
    h('button.primary', { type: 'submit' }, submit));
  onSubmit(form, (data) => {
    const body = { customer_id: Number(data.get('customer_id')) || undefined, lines: lines.map(({ product_id, quantity: q }) => ({ product_id, quantity: q })) };
    return send(body).catch((e) => {
      // the shortage names its product: its message goes next to that line's quantity
      const i = e instanceof ApiError && e.code === 'INSUFFICIENT_STOCK' ? lines.findIndex((l) => l.product_id === e.problem.product_id) : -1;
      if (i >= 0) e.problem.errors = (e.problem.errors || []).map((x) => (x.field === 'quantity' ? { ...x, field: `lines[${i}].quantity` } : x));
      throw e;
    });
  }, done);
  return form;
}

export async function newOrderView() {
  // one key per distinct body: a retry of the same order is replayed, never placed twice
  const keyFor = keyedBody();
  const form = await orderForm({ caption: 'Lines of the new order', submit: 'Place order',
    send: (body) => call('POST', '/api/orders', { body, idempotencyKey: keyFor(body) }),
    done: (r) => navigate(`/app/orders/${r.data.id}`) });
  return h('div', heading('Place an order'), form);
}

/**
 * Changing a placed order (admins): its customer, lines and quantities, sent with the If-Match of the version
 * loaded here, so that a change made meanwhile is a 412 shown in the form, never overwritten.
 */
export async function editOrderView(id) {
  const { data: o, etag } = await call('GET', `/api/orders/${id}`);
  const back = h('p', link(`/app/orders/${o.id}`, '← Back to the order'));
  if (o.status !== 'placed') {
    return h('div', heading(`Edit order #${o.id}`, badge(o.status)),
      h('p.notice', { role: 'status' }, `This order is ${label(o.status)}: only a placed order can be changed.`), back);
  }
  const form = await orderForm({
    customer: o.customer,
    lines: o.lines.map((l) => ({ product_id: l.product_id, name: l.product_name, quantity: l.quantity, stock: l.remaining_stock })),
    caption: `Lines of order #${o.id}`, submit: 'Save changes',
    send: (body) => call('PUT', `/api/orders/${o.id}`, { body, etag }),
    done: () => navigate(`/app/orders/${o.id}`),
  });
  return h('div', heading(`Edit order #${o.id}`, badge(o.status)),
    h('p.hint', 'Saving moves the stock by the difference. A changed or new line takes the product’s price now; an unchanged line keeps its price.'),
    form, back);
}
