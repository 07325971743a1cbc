// The customer portal (/portal): register, confirm, sign in, my service tickets, open one, my details and
// notifications. Same API and views as the console, its own page and routes; staff use the console at /.
import { h, clear, link } from './dom.js';
import * as api from './api.js';
import { notice } from './forms.js';
import { me, navigate, showIn } from './shell.js';
import { loginView } from './views/login.js';
import { notificationsView, bell } from './views/notifications.js';
import { registerView, confirmView, myTicketsView, myTicketView, newTicketView, contactView } from './views/portal.js';

const app = document.getElementById('app');
const HOME = '/portal/service-tickets';

// Screens of a signed-in customer: path pattern, view, navigation label.
const routes = [
  [/^\/portal\/service-tickets$/, myTicketsView, 'My service tickets'],
  [/^\/portal\/service-tickets\/new$/, newTicketView, 'Open a ticket'],
  [/^\/portal\/service-tickets\/(\d+)$/, myTicketView],
  [/^\/portal\/notifications$/, () => notificationsView(['TICKET_STATUS_CHANGED'],
    'No notifications yet. You are told here (and by mail) when work on a ticket starts, completes or is cancelled.')],
  [/^\/portal\/account$/, contactView, 'My details'],
];
// Screens for everyone, signed in or not.
const open = [
  [/^\/portal\/register$/, registerView],
  [/^\/portal\/confirm$/, confirmView],
];

async function loadIdentity() {
  me.user = await api.get('/api/auth/me');
  me.roles = new Set([me.user.role]);
}

function shell(main) {
  const path = location.pathname;
  const nav = h('nav', { 'aria-label': 'Main' }, h('ul', routes.filter((r) => r[2]).map(([re, , text]) => {
    const target = re.source.replace(/^\^/, '').replace(/\$$/, '').replaceAll('\\', '');
    return h('li', link(target, text, path === target ? { 'aria-current': 'page' } : {}));
  })));
  const header = h('header.top',
    h('a.brand', { href: HOME, 'data-nav': '' }, 'Factory Ops · Customer portal'),
    nav,
    h('div.user',
      bell(),
      link('/portal/account', me.user.full_name || me.user.email, { class: 'who', 'data-testid': 'who' }),
      h('button', { type: 'button', id: 'logout', onclick: signOut }, 'Sign out')));
  return [header, h('main', { id: 'main' }, main)];
}

async function signOut() {
  try { await api.logout(); } catch { /* the session ends here anyway */ }
  me.user = null;
  navigate('/portal', true);
}

function signIn(path) {
  return loginView(async () => {
    await loadIdentity();
    navigate(routes.some(([re]) => re.test(path)) ? path : HOME, true);
  }, {
    title: 'Customer portal: sign in', label: 'Email', path: '/api/customers/login', hint: null,
    extra: h('p', 'New here? ', link('/portal/register', 'Register as a customer'),
      '. Have a confirmation token from our mail? ', link('/portal/confirm', 'Confirm your registration'), '.'),
  });
}

async function show(main, view, args, mine) {
  main.setAttribute('aria-busy', 'true');
  main.append(h('p.loading', { role: 'status' }, 'Loading…'));
  try {
    const node = await view(...args);
    if (mine !== renderSeq) return;
    clear(main).append(node);
  } catch (e) {
    if (mine === renderSeq) notice(main, e);
  } finally {
    main.removeAttribute('aria-busy');
  }
}

let renderSeq = 0;
async function render() {
  const mine = ++renderSeq;
  const path = location.pathname.replace(/\/$/, '') || '/portal';
  if (!me.user && api.hasStoredSession()) {
    try { await loadIdentity(); } catch { /* session gone: sign in */ }
    if (mine !== renderSeq) return;
  }
  const free = open.find(([re]) => re.test(path));
  const main = h('div.screen');
  if (free) {
    clear(app).append(...(me.user ? shell(main) : [h('main', { id: 'main' }, main)]));
    await show(main, free[1], [], mine);
  } else if (!me.user) {
    clear(app).append(signIn(path));
  } else if (me.user.role !== 'customer') {
    clear(app).append(h('main', { id: 'main' }, h('h1', { tabindex: '-1', id: 'page-title' }, 'This portal is for customers'),
      h('p', 'You are signed in as staff. ', h('a', { href: '/' }, 'Open the Factory Ops console'), ' or ',
        h('button', { type: 'button', id: 'logout', onclick: signOut }, 'sign out'), '.')));
  } else {
    const route = routes.find(([re]) => re.test(path));
    if (!route) return navigate(HOME, true);
    clear(app).append(...shell(main));
    await show(main, route[1], path.match(route[0]).slice(1), mine);
  }
  document.title = `${document.getElementById('page-title')?.textContent || 'Customer portal'} · Factory Ops`;
  document.getElementById('page-title')?.focus();
}

showIn({ base: '/portal', render });
