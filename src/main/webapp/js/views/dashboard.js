// The managers' dashboard: today's figures and KPIs (GET /api/dashboard/summary), sales and production per
// day, top products and customers (GET /api/reports/analytics, /api/analytics/production-efficiency), and
// what waits for someone: low stock, purchase orders awaiting approval, open service tickets.
import { h, heading, money, num, when, link, table, badge } from '../dom.js';
import { call, get } from '../api.js';
import { actionButton } from '../forms.js';
import { can, refreshScreen } from '../shell.js';
import { barChart } from '../chart.js';

const DAYS = 7;
const isoDay = (d) => d.toISOString().slice(0, 10);

function lastDays() {
  const today = new Date();
  return Array.from({ length: DAYS }, (_, i) => {
    const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - (DAYS - 1 - i)));
    return isoDay(d);
  });
}

const figure = (name, text, value) => h('div.kpi', h('span.kpi-label', text), h('strong.kpi-value', { 'data-figure': name }, value));

export async function dashboardView() {
  const days = lastDays();
  const [summary, report, production, lowProducts, lowParts, pending, tickets] = await Promise.all([
    get('/api/dashboard/summary'),
    get('/api/reports/analytics', { date_from: days[0], date_to: days[DAYS - 1], granularity: 'day', limit: 5 }),
    Promise.all(days.map((date) => get('/api/analytics/production-efficiency', { date, per_page: 100 }))),
    get('/api/products', { low_stock: true, per_page: 5 }),
    get('/api/inventory/items', { status: 'low_stock', per_page: 5 }),
    get('/api/purchase-orders', { status: 'pending', per_page: 5 }),
    get('/api/service-tickets', { status: 'open', per_page: 5 }),
  ]);
  const sales = new Map(report.sales.map((s) => [s.period_start.slice(0, 10), s.revenue]));
  const short = (d) => d.slice(5);
  const salesPoints = days.map((d) => ({ label: d, short: short(d), value: Number(sales.get(d) || 0) }));
  const productionPoints = days.map((d, i) => ({
    label: d, short: short(d), value: production[i].efficiency.reduce((sum, p) => sum + p.total_produced, 0),
  }));
  const refresh = can('admin') ? actionButton('Refresh figures', async () => {
    await call('POST', '/api/analytics/refresh');
    await refreshScreen();
  }, { id: 'refresh-analytics' }) : null;
  return h('div.dashboard',
    heading('Dashboard', h('p.as-of', 'Figures as of ', h('time', { 'data-figure': 'as_of' }, when(summary.as_of))), refresh),
    h('section', { 'aria-labelledby': 'today-title' },
      h('h2', { id: 'today-title' }, `Today (${summary.today.date})`),
      h('div.kpis',
        figure('today.revenue', 'Revenue', money(summary.today.revenue)),
        figure('today.orders', 'Orders', num(summary.today.orders)),
        figure('today.units_sold', 'Units sold', num(summary.today.units_sold)),
        figure('today.units_produced', 'Units produced', num(summary.today.units_produced)),
        figure('open_orders', 'Open orders', num(summary.open_orders)),
        figure('low_stock_products', 'Products low on stock', num(summary.low_stock_products)))),
    h('section', { 'aria-labelledby': 'totals-title' },
      h('h2', { id: 'totals-title' }, 'Totals'),
      h('div.kpis',
        figure('counts.products', 'Products', num(summary.counts.products)),
        figure('counts.customers', 'Customers', num(summary.counts.customers)),
        figure('counts.orders', 'Orders', num(summary.counts.orders)),
        figure('counts.active_employees', 'Active employees', num(summary.counts.active_employees)),
        figure('inventory.stock_value', 'Parts stock value', money(summary.inventory.stock_value)),
        figure('inventory.spend_this_month', 'Spend this month', money(summary.inventory.spend_this_month)),
        figure('inventory.purchase_orders_awaiting_approval', 'POs awaiting approval', num(summary.inventory.purchase_orders_awaiting_approval)),
        figure('service_tickets.open', 'Open service tickets', num(summary.service_tickets.open)))),
    h('section.charts', { 'aria-label': 'Charts' },
      barChart(`Sales per day (revenue), last ${DAYS} days`, salesPoints, money),
      barChart(`Production per day (units), last ${DAYS} days`, productionPoints, num)),
    h('div.columns',
      h('section', { 'aria-labelledby': 'top-products' }, h('h2', { id: 'top-products' }, 'Top products'),
        table('Top products', [['Product', (p) => link(`/app/products/${p.product_id}`, p.product_name)],
          ['Units sold', (p) => num(p.units_sold)], ['Revenue', (p) => money(p.revenue)]],
        report.top_products, 'No sales in these days yet.')),
      h('section', { 'aria-labelledby': 'top-customers' }, h('h2', { id: 'top-customers' }, 'Top customers'),
        table('Top customers', [['Customer', (c) => c.customer_name], ['Orders', (c) => num(c.orders)],
          ['Value', (c) => money(c.total_value)]], report.top_customers, 'No orders in these days yet.'))),
    h('div.columns',
      h('section', { 'aria-labelledby': 'low-stock' }, h('h2', { id: 'low-stock' }, 'Low stock'),
        table('Products low on stock', [['Product', (p) => link(`/app/products/${p.id}`, p.name)],
          ['In stock', (p) => num(p.stock_quantity)], ['Reorder level', (p) => num(p.reorder_level)]],
        lowProducts.data, 'No product is below its reorder level.'),
        table('Parts low on stock', [['Part', (p) => link(`/app/parts/${p.id}`, p.name)],
          ['In stock', (p) => num(p.quantity)], ['Reorder level', (p) => num(p.reorder_level)]],
        lowParts.data, 'No part is below its reorder level.')),
      h('section', { 'aria-labelledby': 'awaiting' }, h('h2', { id: 'awaiting' }, 'Awaiting approval'),
        table('Purchase orders awaiting approval', [['PO', (o) => link(`/app/purchase-orders/${o.id}`, o.po_number)],
          ['Supplier', (o) => o.supplier_name], ['Total', (o) => money(o.total_amount)], ['By', (o) => o.created_by]],
        pending.data, 'No purchase order waits for approval.'),
        h('h2', 'Open service tickets'),
        table('Open service tickets', [['Ticket', (t) => link(`/app/service-tickets/${t.id}`, `#${t.id}`)],
          ['Priority', (t) => badge(t.priority)], ['Date', (t) => t.service_date], ['Description', (t) => t.description]],
        tickets.data, 'No open service ticket.'))));
}
