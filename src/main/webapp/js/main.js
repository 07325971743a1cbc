// The console's shell: who is signed in, what they may use, the navigation and the router.
import { h, clear, link } from './dom.js';
import * as api from './api.js';
import { me, can, navigate, showIn } from './shell.js';
import { notice } from './forms.js';
import { loginView } from './views/login.js';
import * as sso from './sso.js';
import { accountView } from './views/account.js';
import { dashboardView } from './views/dashboard.js';
import { ordersView, orderView, newOrderView, editOrderView } from './views/orders.js';
import { productsView, productView } from './views/products.js';
import { partsView, partView } from './views/parts.js';
import { purchaseOrdersView, purchaseOrderView, newPurchaseOrderView } from './views/purchase-orders.js';
import { ticketsView, ticketView } from './views/tickets.js';
import { notificationsView, bell } from './views/notifications.js';
import { usersView, userView } from './views/users.js';
import { masterDataRoutes } from './views/masterdata.js';
import { reportsView, reportView, reportRunsView } from './views/reports.js';
import { exportsView } from './views/exports.js';
import { auditLogView } from './views/audit.js';
import { rolesView } from './views/roles.js';
import { apiClientsView } from './views/api-clients.js';
import { webhooksView } from './views/webhooks.js';

const app = document.getElementById('app');


// Screens: path pattern, view, the permission (or built-in role) that may use it (the API decides anyway),
// navigation label, and
// { apiDecides: true } for a screen offered to its role only but opened for anyone, to show the API's answer.
const routes = [
  [/^\/app\/dashboard$/, dashboardView, 'analytics:read', 'Dashboard'],
  [/^\/app\/orders$/, ordersView, 'orders:read', 'Orders'],
  [/^\/app\/orders\/new$/, newOrderView, 'orders:write'],
  [/^\/app\/orders\/(\d+)$/, orderView, 'orders:read'],
  [/^\/app\/orders\/(\d+)\/edit$/, editOrderView, 'orders:edit'],
  [/^\/app\/products$/, productsView, 'products:read', 'Products'],
  [/^\/app\/products\/(\d+)$/, productView, 'products:read'],
  [/^\/app\/parts$/, partsView, 'inventory:read', 'Parts'],
  [/^\/app\/parts\/(\d+)$/, partView, 'inventory:read'],
  [/^\/app\/purchase-orders$/, purchaseOrdersView, 'purchase-orders:read', 'Purchase orders'],
  [/^\/app\/purchase-orders\/new$/, newPurchaseOrderView, 'purchase-orders:write'],
  [/^\/app\/purchase-orders\/(\d+)$/, purchaseOrderView, 'purchase-orders:read'],
  [/^\/app\/service-tickets$/, ticketsView, 'service-tickets:read', 'Service tickets'],
  [/^\/app\/service-tickets\/(\d+)$/, ticketView, 'service-tickets:read'],
  ...masterDataRoutes, // production, the master-data hub and its screens (views/masterdata.js)
  [/^\/app\/reports$/, reportsView, 'reports:read', 'Reports'],
  [/^\/app\/reports\/runs$/, reportRunsView, 'reports:read'],
  [/^\/app\/reports\/(inventory|purchase-orders|suppliers|analytics)$/, reportView, 'reports:read'],
  [/^\/app\/exports$/, exportsView, ['products:read', 'inventory:read'], 'Exports'],
  [/^\/app\/notifications$/, notificationsView, null, 'Notifications'],
  [/^\/app\/users$/, usersView, 'users:manage', 'Users'],
  [/^\/app\/users\/(\d+)$/, userView, 'users:manage'],
  [/^\/app\/roles$/, rolesView, 'roles:manage', 'Roles'],
  [/^\/app\/api-clients$/, apiClientsView, 'api-clients:manage', 'API clients'],
  [/^\/app\/webhooks$/, webhooksView, 'webhooks:manage', 'Webhooks'],
  [/^\/app\/audit-log$/, auditLogView, 'audit-logs:read', 'Audit log', { apiDecides: true }],
  [/^\/app\/account$/, accountView, null, 'Account'],
];

const allowed = (role) => role === null || [].concat(role).some(can);

function home() {
  return can('manager') ? '/app/dashboard' : can('user') || can('mechanic') ? '/app/products' : '/app/notifications';
}

async function loadIdentity() {
  const [user, roles] = await Promise.all([api.get('/api/auth/me'), api.get('/api/roles')]);
  const mine = roles.find((r) => r.name === user.role);
  me.user = user;
  me.roles = new Set(mine ? mine.includes : [user.role]);
  me.manages = mine ? mine.manages : [];
  me.permissions = new Set(user.permissions);
}

function shell(main) {
  const path = location.pathname;
  const nav = h('nav', { 'aria-label': 'Main' }, h('ul', routes
    .filter(([, , role, label]) => label && label !== 'Account' && label !== 'Notifications' && allowed(role))
    .map(([re, , , label]) => {
      const target = re.source.replace(/^\^/, '').replace(/\$$/, '').replaceAll('\\', '');
      return h('li', link(target, label, path.startsWith(target) ? { 'aria-current': 'page' } : {}));
    })));
  const header = h('header.top',
    h('a.brand', { href: home(), 'data-nav': '' }, 'Factory Ops'),
    nav,
    h('div.user',
      bell(),
      link('/app/account', me.user.full_name || me.user.username, { class: 'who', 'data-testid': 'who' }),
      h('button', { type: 'button', id: 'logout', onclick: signOut }, 'Sign out')));
  // the first super_admin's password was generated at the first start and printed to the log: change it
  const banner = me.user.password_change_required
    ? h('p.notice', { id: 'password-banner', role: 'status' },
      'Your password was generated when the server first started and has been shown in its log. ',
      link('/app/account', 'Change it now'), '.')
    : null;
  return [header, h('main', { id: 'main' }, banner, main)];
}

async function signOut() {
  try { await api.logout(); } catch { /* the session ends here anyway */ }
  me.user = null;
  navigate('/', true);
}

let renderSeq = 0;
async function render() {
  const seq = ++renderSeq;
  const path = location.pathname;
  if (!me.user) {
    if (api.hasStoredSession()) {
      try { await loadIdentity(); } catch { /* session gone: sign in */ }
    }
    let error = null;
    if (!me.user) {
      try {
        if (await sso.complete()) {
          await loadIdentity();
          return navigate(location.pathname.startsWith('/app/') ? location.pathname : home(), true);
        }
      } catch (e) { error = e; }
    }
    if (!me.user) {
      clear(app).append(loginView(async () => {
        await loadIdentity();
        navigate(path.startsWith('/app/') ? path : home(), true);
      }, { singleSignOn: api.singleSignOn(), error }));
      return;
    }
  }
  if (!path.startsWith('/app/')) return navigate(home(), true);
  const route = routes.find(([re]) => re.test(path));
  const main = h('div.screen');
  clear(app).append(...shell(main));
  if (!route) {
    main.append(h('h1', { tabindex: '-1', id: 'page-title' }, 'Not found'), h('p', 'No screen at this address. ', link(home(), 'Go to the start page.')));
  } else if (!allowed(route[2]) && !route[4]?.apiDecides) {
    main.append(h('h1', { tabindex: '-1', id: 'page-title' }, 'Not available'), h('p', 'Your role cannot use this screen. ', link(home(), 'Go to the start page.')));
  } else {
    main.setAttribute('aria-busy', 'true');
    main.append(h('p.loading', { role: 'status' }, 'Loading…'));
    try {
      const view = await route[1](...path.match(route[0]).slice(1));
      if (seq !== renderSeq) return;
      clear(main).append(view);
    } catch (e) {
      if (seq !== renderSeq) return;
      if (!me.user) return;
      notice(main, e);
    } finally {
      main.removeAttribute('aria-busy');
    }
  }
  document.title = `${document.getElementById('page-title')?.textContent || 'Factory Ops'} · Factory Ops`;
  document.getElementById('page-title')?.focus();
}

showIn({ base: '/app', render });
