// Notifications: the bell in the header (unread count, GET …/unread-count) and the list with mark read.
import { h, svg, heading, when, label, link, badge } from '../dom.js';
import { call, get } from '../api.js';
import { actionButton } from '../forms.js';
import { refreshScreen, base } from '../shell.js';
import { pagedList, choice } from '../list.js';

const TARGET = { PRODUCT: 'products', PART: 'parts', PURCHASE_ORDER: 'purchase-orders', SERVICE_TICKET: 'service-tickets' };

/** The bell: a link to the notifications whose text says how many are unread (updated every minute). */
export function bell() {
  const count = h('span.count', { 'data-testid': 'unread' }, '');
  const text = h('span.visually-hidden', 'Notifications');
  const icon = svg('svg', { viewBox: '0 0 24 24', width: 22, height: 22, 'aria-hidden': 'true', class: 'bell-icon' },
    svg('path', { d: 'M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1z' }));
  const a = link(`${base()}/notifications`, [icon, text, count], { class: 'bell', id: 'bell' });
  const update = async () => {
    if (!a.isConnected) return;
    try {
      const { unread } = await get('/api/notifications/unread-count');
      count.textContent = unread > 0 ? String(unread) : '';
      text.textContent = `Notifications, ${unread} unread`;
      setTimeout(update, 60000);
    } catch { /* signed out or offline: the next screen asks again */ }
  };
  queueMicrotask(update);
  return a;
}

/**
 * The caller's notifications; types: the ones the filter offers (the page's roles receive these), empty: what
 * shows up here.
 */
export async function notificationsView(types = ['LOW_STOCK', 'PO_AWAITING_APPROVAL', 'PO_APPROVED', 'PO_REJECTED',
  'REPORT_READY', 'TICKET_STATUS_CHANGED'],
empty = 'No notifications. Low stock, purchase orders to approve and their outcome show up here.') {
  return h('div',
    heading('Notifications', actionButton('Mark all read', () => call('POST', '/api/notifications/read-all').then(refreshScreen), { id: 'read-all' })),
    await pagedList({
      api: '/api/notifications', caption: 'Notifications',
      filters: [['read', 'Show', h('select', h('option', { value: '' }, 'All'), h('option', { value: 'false' }, 'Unread'), h('option', { value: 'true' }, 'Read'))],
        ['type', 'Type', choice(types)]],
      columns: [['When', (n) => when(n.created_at)], ['Type', (n) => label(n.type.toLowerCase())],
        ['Title', (n) => (TARGET[n.reference_type] && n.reference_id ? link(`${base()}/${TARGET[n.reference_type]}/${n.reference_id}`, n.title) : n.title)],
        ['Message', (n) => n.message], ['', (n) => (n.read ? badge('read')
          : actionButton(`Mark “${n.title}” read`, () => call('POST', `/api/notifications/${n.id}/read`).then(refreshScreen)))]],
      empty,
    }));
}
