// Exports: every list the signed-in role may export (GET /api/export/{resource}), declared below as data with
// the list's filters, each downloadable as CSV, XLSX, PDF or JSON with progress (downloads.js). The API decides
// who may export what; this screen offers each list only to the roles that read it.
import { h, heading } from '../dom.js';
import { can } from '../shell.js';
import { PERIOD, CATEGORY, LOCATION, SUPPLIER, filterFields, formQuery } from '../filters.js';
import { downloadButtons } from '../downloads.js';

const Q = (placeholder) => ['q', 'Search', 'text', { placeholder }];
const ACTIVE = ['active', 'Active', 'bool', { yes: 'Active', no: 'Deactivated' }];
const ID = (name, text) => [name, text, 'number', { min: 1 }];
const CHOICE = (name, text, values) => [name, text, 'choice', { values }];

// resource, title, what a row is, the roles that read the list (the API's), its filters
export const EXPORTS = [
  ['products', 'Products', 'One row per product with its stock.', ['user', 'mechanic'],
    [Q('SKU or name'), ['category', 'Category', 'text', { placeholder: 'e.g. General' }], ['low_stock', 'Low on stock', 'bool'],
      ['min_price', 'Price from', 'number', { min: 0 }], ['max_price', 'Price to', 'number', { min: 0 }]]],
  ['inventory-items', 'Parts', 'One row per part with its quantity, cost and place.', ['user', 'mechanic'],
    () => [Q('SKU or name'), CATEGORY, LOCATION, CHOICE('status', 'Stock', ['in_stock', 'low_stock', 'out_of_stock']),
      can('manager') ? SUPPLIER : ID('supplier', 'Supplier id'), ['updated_from', 'Changed from', 'date'], ['updated_to', 'Changed to', 'date'], ACTIVE]],
  ['orders', 'Orders', 'One row per order with its customer and money (admins: every order; staff: the orders they took).', ['user'],
    [CHOICE('status', 'Status', ['placed', 'shipped', 'completed', 'cancelled']), ID('customer_id', 'Customer id'), ...PERIOD]],
  ['customers', 'Customers', 'Every customer’s contact details.', ['manager'], [Q('Name, email or phone')]],
  ['employees', 'Employees', 'One row per employee.', ['manager'],
    [Q('Name, email or position'), ['department', 'Department', 'text'], ACTIVE]],
  ['production', 'Production records', 'One row per production record.', ['manager'],
    [ID('employee_id', 'Employee id'), ID('product_id', 'Product id'), ...PERIOD]],
  ['suppliers', 'Suppliers', 'One row per supplier.', ['manager'], [Q('Name, code, contact or email'), ACTIVE]],
  ['purchase-orders', 'Purchase orders', 'One row per purchase order with its supplier and money.', ['manager'],
    [Q('PO number'), CHOICE('status', 'Status', ['draft', 'pending', 'approved', 'rejected', 'partially_received', 'received', 'cancelled']),
      ['supplier_id', 'Supplier', 'ref', SUPPLIER[3]], ...PERIOD]],
  ['stock-movements', 'Stock movements', 'The ledger of one product or one part: give exactly one of the two ids.', ['user', 'mechanic'],
    [ID('product_id', 'Product id'), ID('part_id', 'Part id')]],
  ['audit-logs', 'Audit log', 'Who changed what and when, with the fields before and after.', ['admin'],
    [['actor', 'Who (username)', 'text'], ['action', 'Action', 'text', { placeholder: 'e.g. UPDATE' }], ['entity_type', 'Entity', 'text', { placeholder: 'e.g. order' }],
      ['entity_id', 'Entity id', 'text'], ...PERIOD]],
];

const allowed = (roles) => roles.some(can);

function card([resource, title, about, , filters]) {
  const id = `export-${resource}`;
  const { fields } = filterFields(typeof filters === 'function' ? filters() : filters);
  const form = h('form.filters', { novalidate: true, 'aria-label': `Filters of the ${title.toLowerCase()} export` }, fields);
  form.addEventListener('submit', (event) => event.preventDefault());
  return h('section.card.export', { 'aria-labelledby': id, 'data-export': resource },
    h('h2', { id }, title), h('p.hint', about), form,
    downloadButtons(title.toLowerCase(), `/api/export/${resource}`, () => formQuery(form), { form }));
}

/** /app/exports: the lists this role may export, each with its filters and its downloads. */
export async function exportsView() {
  const mine = EXPORTS.filter(([, , , roles]) => allowed(roles));
  return h('div',
    heading('Exports'),
    h('p', 'Every row the filters select, in one file: CSV and XLSX for any number of rows, PDF for a few thousand. Leave a filter empty to take every row. ',
      can('manager') ? 'The reports download from their own screens.' : ''),
    mine.length ? mine.map(card) : h('p.empty', 'Your role has no list to export.'));
}
