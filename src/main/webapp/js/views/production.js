// Production records (managers): the list, recording production (Idempotency-Key: a retried submit is
// replayed, never counted twice), and one record with the stock it produced and the parts it consumed;
// admins correct (PUT with If-Match: the API moves the difference) or delete a record. The
// record itself does not list its stock: the screen reads the ledger rows that reference it (the product's,
// and those of the parts of the product's bill of materials).
import { h, heading, link, num, when, label, table } from '../dom.js';
import { call, get } from '../api.js';
import { actionButton } from '../forms.js';
import { can, navigate, refreshScreen } from '../shell.js';
import { pagedList } from '../list.js';
import { resourceForm, facts } from '../resource.js';

const today = () => new Date().toISOString().slice(0, 10);

const FIELDS = [
  { name: 'employee_id', label: 'Employee', type: 'picker',
    source: { api: '/api/employees', text: (e) => `${e.name} — ${e.email}`, query: { active: 'true' } } },
  { name: 'product_id', label: 'Product', type: 'picker',
    source: { api: '/api/products', text: (p) => `${p.name} (${p.sku}) — ${num(p.stock_quantity)} in stock` } },
  { name: 'quantity', label: 'Quantity', type: 'number', required: true, min: 1, max: 1000000 },
  { name: 'production_date', label: 'Production date', type: 'date', hint: 'Today or earlier' },
];

export async function productionView() {
  return h('div',
    heading('Production', link('/app/production/new', 'Record production', { class: 'button primary' })),
    await pagedList({
      api: '/api/production', caption: 'Production records',
      filters: [['product_id', 'Product id', h('input', { type: 'number', min: 1 })],
        ['employee_id', 'Employee id', h('input', { type: 'number', min: 1 })],
        ['date_from', 'From', h('input', { type: 'date' })], ['date_to', 'To', h('input', { type: 'date' })]],
      columns: [['Record', (r) => link(`/app/production/${r.id}`, `#${r.id}`)], ['Date', (r) => r.production_date],
        ['Product', (r) => link(`/app/products/${r.product_id}`, r.product_name)], ['Quantity', (r) => num(r.quantity)],
        ['Employee', (r) => r.employee_name], ['Recorded by', (r) => r.created_by]],
      empty: 'No production recorded yet. Record some with “Record production”.',
    }));
}

export async function newProductionView() {
  return h('div',
    heading('Record production'),
    h('p.hint', 'Adds the units to the product’s stock; where the product has a bill of materials, its parts are '
      + 'consumed too, or nothing is recorded.'),
    await resourceForm({ fields: FIELDS.map((f) => (f.type === 'date' ? { ...f, value: today() } : f)), api: '/api/production', idempotent: true, title: 'What was made',
      submit: 'Record production', done: (r) => navigate(`/app/production/${r.data.id}`) }),
    h('p', link('/app/production', '← All production records')));
}

/** The ledger rows of one stock item that reference this production record (among its latest 100). */
async function movementsOf(path, recordId) {
  const page = await get(path, { per_page: 100 });
  return page.data.filter((m) => m.reference_type === 'PRODUCTION_RECORD' && m.reference_id === recordId);
}

const change = (d) => (d > 0 ? `+${num(d)}` : num(d));

export async function productionRecordView(id) {
  const { data: r, etag } = await call('GET', `/api/production/${id}`);
  const [product, produced, bom] = await Promise.all([get(`/api/products/${r.product_id}`),
    movementsOf(`/api/products/${r.product_id}/stock-movements`, r.id), get(`/api/products/${r.product_id}/bom`)]);
  const consumed = (await Promise.all(bom.lines.map(async (l) =>
    (await movementsOf(`/api/inventory/items/${l.part_id}/stock-movements`, r.id)).map((m) => ({ ...m, part: l }))))).flat();
  return h('div',
    heading(`Production record #${r.id}`),
    facts([['Product', link(`/app/products/${r.product_id}`, r.product_name)], ['Quantity', num(r.quantity)],
      ['Employee', r.employee_name], ['Production date', r.production_date], ['Recorded by', r.created_by],
      ['Recorded', when(r.created_at)]]),
    h('h2', 'Stock produced'),
    table('Stock produced', [['Product', () => product.name], ['Change', (m) => h('span', { 'data-produced': r.product_id }, change(m.delta))],
      ['Stock after', (m) => num(m.quantity_after)], ['Reason', (m) => label(m.reason)], ['When', (m) => when(m.occurred_at)]],
    produced, 'No movement of the product’s stock references this record.'),
    h('p', 'Now in stock: ', h('strong', { 'data-figure': 'stock_quantity' }, num(product.stock_quantity))),
    h('h2', 'Parts consumed'),
    table('Parts consumed', [['Part', (m) => link(`/app/parts/${m.part.part_id}`, `${m.part.name} (${m.part.sku})`)],
      ['Change', (m) => h('span', { 'data-consumed': m.part.part_id }, change(m.delta))],
      ['Stock after', (m) => `${num(m.quantity_after)} ${m.part.unit}`], ['Reason', (m) => label(m.reason)]],
    consumed, bom.lines.length ? 'No part movement references this record.'
      : 'The product has no bill of materials: no parts were consumed.'),
    can('admin') ? h('div.actions', actionButton(`Delete production record #${r.id}`,
      () => call('DELETE', `/api/production/${r.id}`, { etag }).then(() => navigate('/app/production')),
      { class: 'danger', 'data-action': 'delete' })) : null,
    can('admin') ? await resourceForm({ fields: FIELDS, api: '/api/production', item: r, etag,
      title: 'Correct this record', submit: 'Save correction', done: refreshScreen }) : null,
    h('p', link('/app/production', '← All production records')));
}
