// Reports (managers): the four reports of GET /api/reports/{report}, declared below as data (filters, sections,
// columns, charts) and drawn by one view: the filters kept in the address (a reload or a shared link shows the
// same report), each section as a table, a chart where a figure suits one, and the same report as a file
// (GET /api/export/reports/{report}) in CSV, XLSX, PDF or JSON. The stored monthly runs: list and download.
import { h, heading, money, num, when, link, table, badge, label, field } from '../dom.js';
import { get, call, ApiError } from '../api.js';
import { onSubmit, showProblem } from '../forms.js';
import { can, navigate, refreshScreen } from '../shell.js';
import { params, pagedList, choice } from '../list.js';
import { barChart, rankChart } from '../chart.js';
import { PERIOD, CATEGORY, LOCATION, SUPPLIER, filterFields, formQuery } from '../filters.js';
import { downloadButtons } from '../downloads.js';

const text = (v) => (v === null || v === undefined || v === '' ? '—' : String(v));
const decimal = (v) => (v === null || v === undefined ? '—' : Number(v).toLocaleString('en-US', { maximumFractionDigits: 2 }));
const rate = (v) => (v === null || v === undefined ? '—' : `${(Number(v) * 100).toFixed(1)} %`);
const part = (r) => link(`/app/parts/${r.part_id}`, `${r.sku} ${r.name}`);
const supplier = (r) => `${r.supplier_code ? `${r.supplier_code} — ` : ''}${r.supplier_name}`;
const LIMIT = (max, fallback) => ['limit', 'Rows per list', 'number', { min: 1, max, placeholder: String(fallback) }];

// Each report: its API name, title, what it says, its filters, and its sections in the API's order. A section:
// title, columns [header, row → cell], or figures [[key, label, format]] for one-row totals; chart: rows → chart.
export const REPORTS = {
  inventory: {
    title: 'Inventory report',
    about: 'What the stock is worth and where, what to reorder, how stock moved in the period and what does not move. Stock figures are the stock now; movements are the period’s.',
    filters: [...PERIOD, CATEGORY, LOCATION, ['slow_days', 'Slow after (days)', 'number', { min: 1, max: 3650, placeholder: '90' }], LIMIT(1000, 100)],
    sections: {
      totals: { title: 'Totals', figures: [['parts', 'Parts', num], ['units', 'Units in stock', num], ['stock_value', 'Stock value', money],
        ['low_stock_parts', 'Low on stock', num], ['out_of_stock_parts', 'Out of stock', num], ['slow_movers', 'Slow movers', num], ['movements', 'Movements', num]] },
      by_category: { title: 'Stock value by category', columns: [['Category', (r) => r.category_path || 'No category'], ['Parts', (r) => num(r.parts)], ['Units', (r) => num(r.units)], ['Stock value', (r) => money(r.stock_value)]],
        chart: (rows) => rankChart('Stock value by category', rows.map((r) => ({ label: r.category_path || 'No category', value: Number(r.stock_value) })), money, { tableName: 'the table “Stock value by category”' }) },
      by_location: { title: 'Stock value by location', columns: [['Location', (r) => r.location_path || 'No location'], ['Parts', (r) => num(r.parts)], ['Units', (r) => num(r.units)], ['Stock value', (r) => money(r.stock_value)]],
        chart: (rows) => rankChart('Stock value by location', rows.map((r) => ({ label: r.location_path || 'No location', value: Number(r.stock_value) })), money, { tableName: 'the table “Stock value by location”' }) },
      low_stock: { title: 'Low on stock', empty: 'No active part is at or below its reorder level.', columns: reorderColumns() },
      out_of_stock: { title: 'Out of stock', empty: 'No active part is out of stock.', columns: reorderColumns() },
      movements: { title: 'Movements by reason', empty: 'No stock movement in this period.', columns: [['Reason', (r) => label(r.reason)], ['Movements', (r) => num(r.movements)], ['Units in', (r) => num(r.units_in)], ['Units out', (r) => num(r.units_out)]] },
      slow_movers: { title: 'Slow movers', empty: 'Every part in stock moved recently.', columns: [['Part', part], ['Quantity', (r) => num(r.quantity)], ['Stock value', (r) => money(r.stock_value)], ['Last movement', (r) => when(r.last_movement_at)]] },
    },
  },
  'purchase-orders': {
    title: 'Purchase-order report',
    about: 'The purchase orders created in the period by status and by supplier, the period’s approvals and how long they took, and the orders overdue now.',
    filters: [...PERIOD, SUPPLIER, ['limit', 'Overdue rows', 'number', { min: 1, max: 1000, placeholder: '100' }]],
    sections: {
      totals: { title: 'Totals', figures: [['purchase_orders', 'Purchase orders', num], ['total_amount', 'Total amount', money], ['approved', 'Approved in the period', num],
        ['average_approval_hours', 'Average hours to approval', decimal], ['overdue', 'Overdue now', num]] },
      by_status: { title: 'By status', columns: [['Status', (r) => badge(r.status)], ['Purchase orders', (r) => num(r.purchase_orders)], ['Total amount', (r) => money(r.total_amount)]],
        chart: (rows) => rankChart('Purchase orders by status', rows.map((r) => ({ label: label(r.status), value: r.purchase_orders })), num, { sort: false, tableName: 'the table “By status”' }) },
      by_supplier: { title: 'By supplier', empty: 'No purchase order was created in this period.', columns: [['Supplier', supplier], ['Purchase orders', (r) => num(r.purchase_orders)], ['Total amount', (r) => money(r.total_amount)]],
        chart: (rows) => rankChart('Amount ordered by supplier', rows.map((r) => ({ label: supplier(r), value: Number(r.total_amount) })), money, { tableName: 'the table “By supplier”' }) },
      overdue: { title: 'Overdue', empty: 'Nothing is overdue.', columns: [['Purchase order', (r) => link(`/app/purchase-orders/${r.purchase_order_id}`, r.po_number)], ['Supplier', (r) => r.supplier_name],
        ['Status', (r) => badge(r.status)], ['Expected', (r) => r.expected_date], ['Days overdue', (r) => num(r.days_overdue)], ['Total', (r) => money(r.total_amount)]] },
    },
  },
  suppliers: {
    title: 'Supplier report',
    about: 'Per supplier with activity in the period: what was received (spend), how punctually, the lead time against the promised one, and rejections.',
    filters: [...PERIOD, SUPPLIER, ['limit', 'Suppliers', 'number', { min: 1, max: 1000, placeholder: '100' }]],
    sections: {
      suppliers: { title: 'Suppliers', empty: 'No supplier delivered, completed or had a rejection in this period.', columns: [['Supplier', supplier], ['Spend', (r) => money(r.spend)],
        ['Received whole', (r) => num(r.purchase_orders_received)], ['On time', (r) => `${num(r.on_time)} of ${num(r.with_expected_date)}`], ['On-time rate', (r) => rate(r.on_time_rate)],
        ['Lead time promised (days)', (r) => text(r.lead_time_days)], ['Average lead time (days)', (r) => decimal(r.average_lead_time_days)], ['Variance (days)', (r) => decimal(r.lead_time_variance_days)],
        ['Rejected', (r) => num(r.rejected_purchase_orders)]],
      chart: (rows) => rankChart('Spend by supplier', rows.map((r) => ({ label: supplier(r), value: Number(r.spend) })), money, { tableName: 'the table “Suppliers”' }) },
    },
  },
  analytics: {
    title: 'Sales and production report',
    about: 'Sales per day, week or month and production per product from the analytics summaries (as of the time shown); the top products and customers of the period’s orders, live.',
    filters: [...PERIOD, ['granularity', 'Sales per', 'choice', { values: ['day', 'week', 'month'], any: 'Day (default)' }], ['limit', 'Rows of the top lists', 'number', { min: 1, max: 100, placeholder: '10' }]],
    sections: {
      totals: { title: 'Totals', figures: [['orders', 'Orders', num], ['units_sold', 'Units sold', num], ['revenue', 'Revenue (with tax)', money], ['units_produced', 'Units produced', num]] },
      sales: { title: 'Sales', empty: 'No sales in this period.', columns: [['From', (r) => r.period_start], ['Orders', (r) => num(r.orders)], ['Units', (r) => num(r.units)], ['Revenue', (r) => money(r.revenue)]],
        chart: (rows) => barChart('Revenue per period', rows.map((r) => ({ label: r.period_start, short: r.period_start.slice(5), value: Number(r.revenue) })), money) },
      top_products: { title: 'Top products', empty: 'No sales in this period.', columns: [['Product', (r) => link(`/app/products/${r.product_id}`, r.product_name)], ['Units sold', (r) => num(r.units_sold)], ['Revenue (before tax)', (r) => money(r.revenue)]] },
      top_customers: { title: 'Top customers', empty: 'No orders in this period.', columns: [['Customer', (r) => r.customer_name], ['Orders', (r) => num(r.orders)], ['Value', (r) => money(r.total_value)]] },
      production: { title: 'Production', empty: 'Nothing was produced in this period.', columns: [['Product', (r) => link(`/app/products/${r.product_id}`, r.product_name)], ['Units produced', (r) => num(r.units_produced)]],
        chart: (rows) => rankChart('Units produced per product', rows.map((r) => ({ label: r.product_name, value: r.units_produced })), num, { tableName: 'the table “Production”' }) },
    },
  },
};

function reorderColumns() {
  return [['Part', part], ['Quantity', (r) => num(r.quantity)], ['Reorder level', (r) => num(r.reorder_level)], ['Reorder quantity', (r) => num(r.reorder_quantity)],
    ['Suggested', (r) => num(r.suggested_quantity)], ['Unit cost', (r) => money(r.unit_cost)], ['Suggested value', (r) => money(r.suggested_value)]];
}

const chooser = (current) => h('nav.tabs', { 'aria-label': 'Reports' }, h('ul',
  Object.entries(REPORTS).map(([name, r]) => h('li', link(`/app/reports/${name}`, r.title, name === current ? { 'aria-current': 'page' } : {}))),
  h('li', link('/app/reports/runs', 'Stored monthly runs', current === 'runs' ? { 'aria-current': 'page' } : {}))));

/** /app/reports: what each report tells, and where the stored runs are. */
export async function reportsView() {
  return h('div',
    heading('Reports'),
    chooser(null),
    h('ul.report-list', Object.entries(REPORTS).map(([name, r]) => h('li', h('h2', link(`/app/reports/${name}`, r.title)), h('p', r.about)))));
}

function section(name, spec, rows) {
  const id = `section-${name}`;
  if (spec.figures) {
    const row = rows[0] || {};
    return h('section', { 'aria-labelledby': id, 'data-section': name }, h('h2', { id }, spec.title),
      h('div.kpis', spec.figures.map(([key, text, format]) => h('div.kpi', h('span.kpi-label', text),
        h('strong.kpi-value', { 'data-figure': `${name}.${key}` }, format(row[key]))))));
  }
  return h('section', { 'aria-labelledby': id, 'data-section': name }, h('h2', { id }, spec.title),
    spec.chart && rows.length ? spec.chart(rows) : null,
    table(spec.title, spec.columns, rows, spec.empty || 'Nothing in this period.'));
}

/** /app/reports/{report}?date_from=…: one report with its filters, sections, charts and downloads. */
export async function reportView(name) {
  const spec = REPORTS[name];
  const values = Object.fromEntries(params());
  const { fields, ready } = filterFields(spec.filters, values);
  const form = h('form.filters', { role: 'search', 'aria-label': `Filter the ${spec.title.toLowerCase()}`, novalidate: true },
    fields, h('button.primary', { type: 'submit' }, 'Show report'), link(`/app/reports/${name}`, 'This month, no filters', { class: 'button' }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = new URLSearchParams(formQuery(form));
    navigate(`/app/reports/${name}${q.toString() ? `?${q}` : ''}`);
  });
  const query = Object.fromEntries(spec.filters.map(([k]) => [k, values[k]]).filter(([, v]) => v));
  let report = null;
  let problem = null;
  try {
    [report] = await Promise.all([get(`/api/reports/${name}`, query), ready]);
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 400) throw e;
    problem = e;
  }
  const view = h('div.report', { 'data-report': name },
    heading(spec.title),
    chooser(name),
    h('p', spec.about),
    form);
  if (problem) {
    showProblem(form, problem);
    return view;
  }
  view.append(
    h('p.as-of', { 'data-period': `${report.date_from}/${report.date_to}` }, `Period ${report.date_from} to ${report.date_to} · figures as of `,
      h('time', { 'data-figure': 'as_of' }, report.as_of ? when(report.as_of) : 'no refresh yet')),
    downloadButtons(spec.title.toLowerCase(), `/api/export/reports/${name}`, query),
    ...Object.entries(spec.sections).map(([s, sectionSpec]) => section(s, sectionSpec, report[s] || [])));
  return view;
}

const KINDS = { inventory: 'Inventory report', purchase_orders: 'Purchase-order report' };
const month = (run) => run.period_start.slice(0, 7);

/** /app/reports/runs: the stored monthly runs, each downloadable; admins store a past month by hand. */
export async function reportRunsView() {
  const store = can('admin') ? h('form.card.inline-form', { novalidate: true, 'aria-labelledby': 'store-title' },
    h('h2', { id: 'store-title' }, 'Store a month now'),
    h('p.hint', 'What the monthly timer does on the first day of each month, for a month it missed. A month whose runs exist is left as it is.'),
    field('Month', h('input', { name: 'month', type: 'month', required: true })),
    h('button.primary', { type: 'submit' }, 'Store the month’s runs')) : null;
  if (store) {
    onSubmit(store, (data) => call('POST', '/api/reports/runs', { query: { month: data.get('month') } }), refreshScreen);
  }
  return h('div',
    heading('Stored monthly runs'),
    chooser('runs'),
    h('p', 'On the first day of each month the previous month’s inventory and purchase-order reports are computed and stored; each stays as it was computed.'),
    await pagedList({
      api: '/api/reports/runs', caption: 'Stored report runs',
      filters: [['kind', 'Report', choice(Object.keys(KINDS))]],
      columns: [['Month', (r) => h('span', { 'data-run': r.id }, month(r))], ['Report', (r) => KINDS[r.kind] || label(r.kind)], ['Status', (r) => badge(r.status)],
        ['Stored', (r) => `${when(r.created_at)} (${r.trigger === 'manual' ? `by ${r.created_by}` : 'monthly timer'})`],
        ['Files', (r) => downloadButtons(`${KINDS[r.kind] || r.kind} ${month(r)}`, r.download)]],
      empty: 'No run is stored yet: the first is stored on the first day of next month.',
    }),
    store);
}
