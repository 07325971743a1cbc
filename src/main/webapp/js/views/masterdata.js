// Master data: the hub page linking to every list the signed-in role may read, and the screens of the simple
// nouns (suppliers, customers, employees, mechanics) generated from their declarations: a list (search,
// filters, paging), a "new" screen and an item screen (facts; for the role that may write: delete or
// deactivate, and the edit form). Roles follow the API's table; the API decides anyway.
// The routes of every master-data and production screen are declared here, for main.js to take whole.
import { h, heading, link, badge } from '../dom.js';
import { call } from '../api.js';
import { actionButton } from '../forms.js';
import { can, navigate, refreshScreen } from '../shell.js';
import { pagedList, textInput } from '../list.js';
import { resourceForm, factsOf } from '../resource.js';
import { newPartView, editPartView } from './parts.js';
import { newProductView, editProductView } from './products.js';
import { TREES, treeView, nodeView } from './trees.js';
import { productionView, newProductionView, productionRecordView } from './production.js';

const allowed = (role) => [].concat(role).some(can);
const activeFilter = () => h('select', h('option', { value: '' }, 'Any'), h('option', { value: 'true' }, 'Active'),
  h('option', { value: 'false' }, 'Inactive'));
const status = (x) => badge(x.active ? 'active' : 'inactive');
const name = (max) => ({ name: 'name', label: 'Name', required: true, max });
const email = (required) => ({ name: 'email', label: 'Email', type: 'email', required, max: 255 });
const phone = { name: 'phone', label: 'Phone', type: 'tel', max: 50, hint: 'Digits, spaces and + ( ) . / -' };

/**
 * A noun: title, one (singular), api, read and write (roles), search (placeholder), active (has an active
 * flag: filter and badge), columns (after the name), fields (see resource.js), remove (the DELETE's verb:
 * Delete removes it, Deactivate keeps it inactive).
 */
export const NOUNS = {
  suppliers: {
    title: 'Suppliers', one: 'supplier', api: '/api/suppliers', read: 'manager', write: 'manager',
    search: 'Name, code, contact or email', active: true, remove: 'Delete',
    columns: [['Code', (s) => s.code], ['Contact', (s) => s.contact || '—'], ['Lead time (days)', (s) => s.lead_time_days ?? '—']],
    fields: [name(200),
      { name: 'code', label: 'Code', required: true, max: 32, hint: 'Unique; letters, digits, . _ or -' },
      { name: 'contact', label: 'Contact', max: 100 }, email(false), phone,
      { name: 'lead_time_days', label: 'Lead time (days)', type: 'number', min: 0, max: 365 },
      { name: 'payment_terms', label: 'Payment terms', max: 50 },
      { name: 'address', label: 'Address', type: 'textarea', max: 500 },
      { name: 'active', label: 'Active', type: 'checkbox', value: true }],
  },
  customers: {
    title: 'Customers', one: 'customer', api: '/api/customers', read: 'user', write: 'admin',
    search: 'Name, email or phone', remove: 'Delete',
    columns: [['Email', (c) => c.email], ['Phone', (c) => c.phone || '—']],
    fields: [name(200), email(true), phone, { name: 'address', label: 'Address', type: 'textarea', max: 500 }],
  },
  employees: {
    title: 'Employees', one: 'employee', api: '/api/employees', read: 'manager', write: 'admin',
    search: 'Name, email or position', active: true, remove: 'Delete',
    columns: [['Email', (e) => e.email], ['Position', (e) => e.position || '—'], ['Department', (e) => e.department || '—']],
    fields: [name(100), email(true), { name: 'position', label: 'Position', max: 100 },
      { name: 'department', label: 'Department', max: 100 },
      { name: 'hire_date', label: 'Hire date', type: 'date', hint: 'Today or earlier' },
      { name: 'active', label: 'Active', type: 'checkbox', value: true }],
  },
  mechanics: {
    title: 'Mechanics', one: 'mechanic', api: '/api/mechanics', read: ['manager', 'mechanic'], write: 'manager',
    search: 'Name, email, username or position', active: true, remove: 'Deactivate',
    columns: [['Username', (m) => m.username], ['Email', (m) => m.email], ['Position', (m) => m.position || '—']],
    fields: [name(100), email(true),
      { name: 'username', label: 'Username', required: true, max: 50, only: 'create', hint: '3 to 50 letters, digits, . _ or -' },
      { name: 'password', label: 'Password', type: 'password', required: true, max: 128, only: 'create' },
      { name: 'position', label: 'Position', max: 100 },
      { name: 'active', label: 'Active', type: 'checkbox', only: 'edit' }],
  },
};

function listView(key) {
  const n = NOUNS[key];
  return async () => h('div',
    heading(n.title, can(n.write) ? link(`/app/${key}/new`, `New ${n.one}`, { class: 'button primary', 'data-action': 'new' }) : null),
    await pagedList({
      api: n.api, caption: n.title,
      filters: [['q', 'Search', textInput(n.search)], ...(n.active ? [['active', 'Active', activeFilter()]] : [])],
      columns: [['Name', (x) => link(`/app/${key}/${x.id}`, x.name)], ...n.columns, ...(n.active ? [['Status', status]] : [])],
      empty: `No ${n.title.toLowerCase()} yet.${can(n.write) ? ` Add one with “New ${n.one}”.` : ''}`,
    }),
    h('p', link('/app/master-data', '← Master data')));
}

function newView(key) {
  const n = NOUNS[key];
  return async () => h('div',
    heading(`New ${n.one}`),
    await resourceForm({ fields: n.fields, api: n.api, title: `The new ${n.one}`, submit: `Create ${n.one}`,
      done: (r) => navigate(`/app/${key}/${r.data.id}`) }),
    h('p', link(`/app/${key}`, `← All ${n.title.toLowerCase()}`)));
}

function itemView(key) {
  const n = NOUNS[key];
  return async (id) => {
    const { data: x, etag } = await call('GET', `${n.api}/${id}`);
    const writable = can(n.write);
    const remove = writable && (n.remove === 'Delete' || x.active) ? actionButton(`${n.remove} ${x.name}`,
      () => call('DELETE', `${n.api}/${x.id}`, { etag }).then(() => (n.remove === 'Delete' ? navigate(`/app/${key}`) : refreshScreen())),
      { class: 'danger', 'data-action': n.remove.toLowerCase() }) : null;
    return h('div',
      heading(x.name, n.active ? status(x) : null),
      factsOf(n.fields, x),
      remove ? h('div.actions', remove) : null,
      writable ? await resourceForm({ fields: n.fields, api: n.api, item: x, etag, title: `Edit ${n.one}`, submit: 'Save',
        done: refreshScreen }) : null,
      h('p', link(`/app/${key}`, `← All ${n.title.toLowerCase()}`)));
  };
}

// The hub: [address, title, read role, write role, what it holds]
const HUB = [
  ['/app/products', 'Products', ['user', 'mechanic'], 'admin', 'What the plant makes and sells, with each product’s bill of materials (managers edit it).'],
  ['/app/parts', 'Parts', ['user', 'mechanic'], 'manager', 'What production and service tickets consume: cost, place, supplier, reorder points.'],
  ['/app/categories', 'Part categories', ['user', 'mechanic'], 'manager', 'The tree that parts are sorted into.'],
  ['/app/locations', 'Stock locations', ['user', 'mechanic'], 'manager', 'Warehouses, aisles and bins, as a tree.'],
  ['/app/suppliers', 'Suppliers', 'manager', 'manager', 'Who parts are bought from.'],
  ['/app/customers', 'Customers', 'user', 'admin', 'Who orders are taken for.'],
  ['/app/employees', 'Employees', 'manager', 'admin', 'Who works in the plant and records production.'],
  ['/app/mechanics', 'Mechanics', ['manager', 'mechanic'], 'manager', 'Employees with a mechanic’s account, who work on service tickets.'],
];

export async function masterDataView() {
  const mine = HUB.filter(([, , read]) => allowed(read));
  return h('div',
    heading('Master data'),
    h('ul.hub', mine.map(([href, title, , write, about]) => h('li',
      link(href, title), h('span', ` — ${about} `), can(write) ? h('span.badge', 'you may edit') : null))));
}

const nounRoutes = Object.entries(NOUNS).flatMap(([key, n]) => [
  [new RegExp(`^/app/${key}$`), listView(key), n.read],
  [new RegExp(`^/app/${key}/new$`), newView(key), n.write],
  [new RegExp(`^/app/${key}/(\\d+)$`), itemView(key), n.read]]);

const treeRoutes = Object.keys(TREES).flatMap((key) => [
  [new RegExp(`^/app/${key}$`), treeView(key), ['user', 'mechanic']],
  [new RegExp(`^/app/${key}/(\\d+)$`), nodeView(key), ['user', 'mechanic']]]);

/** Routes as main.js declares them: pattern, view, role, navigation label. */
export const masterDataRoutes = [
  [/^\/app\/production$/, productionView, 'manager', 'Production'],
  [/^\/app\/production\/new$/, newProductionView, 'manager'],
  [/^\/app\/production\/(\d+)$/, productionRecordView, 'manager'],
  [/^\/app\/master-data$/, masterDataView, ['user', 'mechanic'], 'Master data'],
  [/^\/app\/products\/new$/, newProductView, 'admin'],
  [/^\/app\/products\/(\d+)\/edit$/, editProductView, 'admin'],
  [/^\/app\/parts\/new$/, newPartView, 'manager'],
  [/^\/app\/parts\/(\d+)\/edit$/, editPartView, 'manager'],
  ...nounRoutes,
  ...treeRoutes,
];
