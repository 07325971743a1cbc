// Purchase orders: the list, one order with the transitions it allows — approve and reject only for an
// admin who did not create, last edit or submit it (the API refuses them: SELF_APPROVAL, and accounts tied
// to theirs: RELATED_ACCOUNT), sent with the If-Match of the version on screen —, receiving a delivery line
// by line, and a new order (draft, then submit).
import { h, heading, money, num, when, link, table, badge, field } from '../dom.js';
import { call } from '../api.js';
import { onSubmit, actionButton, keyedBody, text, int } from '../forms.js';
import { can, me, navigate, refreshScreen } from '../shell.js';
import { pagedList, textInput, choice } from '../list.js';
import { picker } from './orders.js';

const STATUSES = ['draft', 'pending', 'approved', 'rejected', 'partially_received', 'received', 'cancelled'];
const VERB = { submit: 'Submit for approval', approve: 'Approve', deliver: 'Receive everything outstanding', cancel: 'Cancel' };

export async function purchaseOrdersView() {
  return h('div',
    heading('Purchase orders', link('/app/purchase-orders/new', 'New purchase order', { class: 'button primary' })),
    await pagedList({
      api: '/api/purchase-orders', caption: 'Purchase orders',
      filters: [['q', 'Search', textInput('PO number or notes')], ['status', 'Status', choice(STATUSES)],
        ['date_from', 'From', h('input', { type: 'date' })], ['date_to', 'To', h('input', { type: 'date' })]],
      columns: [['PO', (o) => link(`/app/purchase-orders/${o.id}`, o.po_number)], ['Supplier', (o) => o.supplier_name],
        ['Status', (o) => badge(o.status)], ['Total', (o) => money(o.total_amount)], ['Expected', (o) => o.expected_date || '—'],
        ['Created by', (o) => o.created_by]],
      empty: 'No purchase orders yet. Start one with “New purchase order”.',
    }));
}

function rejectForm(po, etag) {
  const form = h('form.card', { novalidate: true, 'aria-label': 'Reject' },
    field('Reason for rejecting', h('input', { name: 'reason', maxlength: 500 })),
    h('button.danger', { type: 'submit', 'data-action': 'reject' }, 'Reject'));
  const keyFor = keyedBody();
  onSubmit(form, (data) => {
    const body = { reason: text(data.get('reason')) };
    return call('POST', `/api/purchase-orders/${po.id}/reject`, { body, etag, idempotencyKey: keyFor(body) });
  }, refreshScreen);
  return form;
}

function receiveForm(po) {
  const open = po.lines.filter((l) => l.received_quantity < l.quantity);
  const form = h('form.card', { novalidate: true, 'aria-labelledby': 'receive-title' },
    h('h2', { id: 'receive-title' }, 'Receive a delivery'),
    open.map((l) => field(`${l.name} (${l.sku}) — ${l.quantity - l.received_quantity} outstanding`,
      h('input', { name: `line-${l.id}`, type: 'number', min: 0, max: l.quantity - l.received_quantity, value: 0 }))),
    h('button.primary', { type: 'submit' }, 'Receive'));
  const keyFor = keyedBody();
  onSubmit(form, (data) => {
    const lines = open.map((l) => ({ line_id: l.id, quantity: int(data.get(`line-${l.id}`)) })).filter((l) => l.quantity > 0);
    const body = { lines };
    return call('POST', `/api/purchase-orders/${po.id}/receive`, { body, idempotencyKey: keyFor(body) });
  }, refreshScreen);
  return form;
}

export async function purchaseOrderView(id) {
  // approve and reject act on the version on screen: its ETag goes with them (412 if it changed meanwhile)
  const { data: po, etag } = await call('GET', `/api/purchase-orders/${id}`);
  const own = [po.created_by, po.last_edited_by, po.submitted_by].includes(me.user.username);
  const decides = (t) => ['approve', 'reject'].includes(t);
  // the API says who may decide it: managers up to the approval limit, admins above (four eyes for both)
  const allowed = po.allowed_transitions.filter((t) => !decides(t) || (can(po.approval_role) && !own));
  const buttons = allowed.filter((t) => VERB[t]).map((t) => actionButton(VERB[t],
    () => call('POST', `/api/purchase-orders/${po.id}/${t}`, decides(t) ? { etag } : {}).then(refreshScreen),
    { 'data-action': t, class: t === 'cancel' ? 'danger' : '' }));
  let awaiting = null;
  if (po.status === 'pending' && own && can(po.approval_role)) {
    awaiting = h('p.notice', 'You created, edited or submitted this purchase order: someone else approves or rejects it.');
  } else if (po.status === 'pending' && !can(po.approval_role)) {
    awaiting = h('p.notice', `This purchase order is above what your role may approve: ${po.approval_role === 'admin'
      ? 'an administrator' : `a ${po.approval_role}`} approves or rejects it.`);
  }
  return h('div',
    heading(`Purchase order ${po.po_number}`, badge(po.status)),
    h('dl.facts',
      h('dt', 'Supplier'), h('dd', po.supplier_name),
      h('dt', 'Expected'), h('dd', po.expected_date || '—'),
      h('dt', 'Created by'), h('dd', po.created_by),
      po.last_edited_by !== po.created_by ? [h('dt', 'Last edited by'), h('dd', po.last_edited_by)] : null,
      h('dt', 'Submitted'), h('dd', po.submitted_by ? `${po.submitted_by}, ${when(po.submitted_at)}` : when(po.submitted_at)),
      po.approved_by ? [h('dt', 'Approved by'), h('dd', { 'data-figure': 'approved_by' }, `${po.approved_by}, ${when(po.approved_at)}`)] : null,
      po.rejected_by ? [h('dt', 'Rejected by'), h('dd', `${po.rejected_by}: ${po.rejection_reason}`)] : null,
      h('dt', 'Notes'), h('dd', po.notes || '—')),
    table('Purchase order lines', [['#', (l) => l.line_no], ['Part', (l) => link(`/app/parts/${l.item_id}`, `${l.name} (${l.sku})`)],
      ['Ordered', (l) => num(l.quantity)], ['Received', (l) => num(l.received_quantity)], ['Unit cost', (l) => money(l.unit_cost)],
      ['Line total', (l) => money(l.line_total)]], po.lines, 'No lines.'),
    h('dl.totals', h('dt', 'Total'), h('dd', money(po.total_amount))),
    awaiting,
    buttons.length ? h('div.actions', buttons) : null,
    allowed.includes('reject') ? rejectForm(po, etag) : null,
    allowed.includes('receive') ? receiveForm(po) : null,
    h('p', link('/app/purchase-orders', '← All purchase orders')));
}

export async function newPurchaseOrderView() {
  const suppliers = picker('Supplier', 'supplier_id', '/api/suppliers', (s) => `${s.name} (${s.code})`, { active: true });
  const parts = picker('Part', 'item_id', '/api/inventory/items', (p) => `${p.name} (${p.sku}) — ${p.quantity} ${p.unit} in stock`, { active: true });
  await Promise.all([suppliers.ready, parts.ready]);
  const form = h('form.card', { novalidate: true, 'aria-labelledby': 'page-title' },
    suppliers,
    field('Expected delivery', h('input', { name: 'expected_date', type: 'date' })),
    field('Notes', h('input', { name: 'notes', maxlength: 1000 })),
    h('fieldset', h('legend', 'Line'), parts,
      field('Quantity', h('input', { name: 'quantity', type: 'number', min: 1, max: 1000000, value: 1 })),
      field('Unit cost', h('input', { name: 'unit_cost', inputmode: 'decimal', placeholder: 'the part’s cost when empty' }))),
    h('button.primary', { type: 'submit' }, 'Create draft'));
  const keyFor = keyedBody();
  onSubmit(form, (data) => {
    const line = { item_id: int(data.get('item_id')), quantity: int(data.get('quantity')) };
    if (text(data.get('unit_cost'))) line.unit_cost = Number(data.get('unit_cost'));
    const body = { supplier_id: int(data.get('supplier_id')), expected_date: text(data.get('expected_date')),
      notes: text(data.get('notes')), lines: [line] };
    return call('POST', '/api/purchase-orders', { body, idempotencyKey: keyFor(body) });
  }, (r) => navigate(`/app/purchase-orders/${r.data.id}`));
  return h('div', heading('New purchase order'), h('p', 'The order is saved as a draft with one line; submit it for approval from its page.'), form);
}
