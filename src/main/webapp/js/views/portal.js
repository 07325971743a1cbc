// The customer portal's own screens: registration and its confirmation, my service tickets (the customers'
// view of the API: display names, charged lines, totals), opening a ticket for a vehicle, my contact details.
import { h, heading, field, select, money, num, when, link, table, badge } from '../dom.js';
import * as api from '../api.js';
import { onSubmit, keyedBody, text, int } from '../forms.js';
import { me, navigate, refreshScreen } from '../shell.js';
import { pagedList, choice } from '../list.js';
import { passwordForm } from './account.js';

const vehicle = (t) => [t.make, t.model, t.year].filter(Boolean).join(' ') || t.vin || t.serial || '—';

export function registerView() {
  const done = h('div', { role: 'status' });
  const form = h('form.card', { novalidate: true, 'aria-labelledby': 'page-title' },
    field('Name', h('input', { name: 'name', autocomplete: 'name', required: true, maxlength: 200 })),
    field('Email', h('input', { name: 'email', type: 'email', autocomplete: 'email', required: true, maxlength: 255 }),
      'We send a confirmation token to this address; your account exists once you confirm.'),
    field('Phone (optional)', h('input', { name: 'phone', type: 'tel', autocomplete: 'tel', maxlength: 50 })),
    field('Address (optional)', h('input', { name: 'address', autocomplete: 'street-address', maxlength: 500 })),
    h('button.primary', { type: 'submit' }, 'Register'));
  onSubmit(form, (data) => api.call('POST', '/api/customers/register', {
    auth: false,
    body: { name: text(data.get('name')) ?? '', email: text(data.get('email')) ?? '', phone: text(data.get('phone')), address: text(data.get('address')) },
  }), (r) => {
    form.replaceWith(h('div.card', { id: 'registered' },
      h('p', r.data.message.replace(/ \(POST [^)]*\)/, '')),
      h('p', link('/portal/confirm', 'Confirm your registration'), ' once the mail has arrived.')));
    done.focus?.();
  });
  return h('div', heading('Register as a customer'), form, done,
    h('p', 'Already registered? ', link('/portal', 'Sign in'), '.'));
}

/** The token may come in the address's fragment (/portal/confirm#token=…): never sent to a server or a log. */
export function confirmView() {
  const fromLink = new URLSearchParams(location.hash.slice(1)).get('token') || '';
  const form = h('form.card', { novalidate: true, 'aria-labelledby': 'page-title' },
    field('Confirmation token', h('input', { name: 'token', required: true, maxlength: 100, autocomplete: 'one-time-code', value: fromLink }),
      'The token from the mail we sent when you registered.'),
    field('Choose a password', h('input', { name: 'password', type: 'password', autocomplete: 'new-password', required: true, maxlength: 128 }),
      'At least 12 characters, letters and digits.'),
    h('button.primary', { type: 'submit' }, 'Confirm and sign in'));
  onSubmit(form, async (data) => {
    const password = String(data.get('password') || '');
    const r = await api.call('POST', '/api/customers/confirm', { auth: false, body: { token: text(data.get('token')) ?? '', password } });
    await api.login(r.data.email, password, '/api/customers/login');
    me.user = await api.get('/api/auth/me');
    me.roles = new Set([me.user.role]);
  }, () => navigate('/portal/service-tickets', true));
  return h('div', heading('Confirm your registration'), form,
    h('p', 'No token? ', link('/portal/register', 'Register'), ' first; the token expires after a while, then register again.'));
}

export async function myTicketsView() {
  return h('div',
    heading('My service tickets', link('/portal/service-tickets/new', 'Open a ticket', { class: 'button primary', id: 'open-ticket' })),
    await pagedList({
      api: '/api/customers/my-tickets', caption: 'My service tickets',
      filters: [['status', 'Status', choice(['open', 'in_progress', 'completed', 'cancelled'])]],
      columns: [['Ticket', (t) => link(`/portal/service-tickets/${t.id}`, `#${t.id}`)], ['Date', (t) => t.service_date],
        ['Vehicle', vehicle], ['Status', (t) => badge(t.status)],
        ['Mechanics', (t) => t.mechanics.join(', ') || '—'], ['Total', (t) => money(t.total)]],
      empty: 'No service tickets yet. Open one for your vehicle and follow it here.',
    }));
}

export async function myTicketView(id) {
  const t = await api.get(`/api/customers/my-tickets/${id}`);
  return h('div',
    heading(`Service ticket #${t.id}`, badge(t.status)),
    h('dl.facts',
      h('dt', 'Vehicle'), h('dd', vehicle(t)),
      h('dt', 'VIN / serial'), h('dd', t.vin || t.serial || '—'),
      h('dt', 'Service date'), h('dd', t.service_date),
      h('dt', 'Priority'), h('dd', badge(t.priority)),
      h('dt', 'What we were asked'), h('dd', t.description),
      h('dt', 'Mechanics'), h('dd', t.mechanics.join(', ') || 'Not assigned yet'),
      h('dt', 'Opened / started / completed'), h('dd', `${when(t.created_at)} / ${when(t.started_at)} / ${when(t.completed_at)}`)),
    h('h2', 'Parts'),
    table('Parts fitted', [['Part', (p) => p.name], ['Quantity', (p) => num(p.quantity)], ['Amount', (p) => money(p.amount)]],
      t.parts, 'No parts fitted.'),
    h('dl.totals',
      h('dt', 'Parts'), h('dd', money(t.parts_total)),
      h('dt', `Labour (${num(t.labour_hours)} h × ${money(t.labour_rate)})`), h('dd', money(t.labour_total)),
      h('dt', `Tax (${(t.tax_rate * 100).toFixed(2)} %)`), h('dd', money(t.tax)),
      h('dt', 'Total'), h('dd', { 'data-figure': 'total' }, money(t.total))),
    h('p', link('/portal/service-tickets', '← My service tickets')));
}

export function newTicketView() {
  const today = new Date().toISOString().slice(0, 10);
  const form = h('form.card', { novalidate: true, 'aria-labelledby': 'page-title' },
    h('fieldset', h('legend', 'Your vehicle'),
      field('Make', h('input', { name: 'make', maxlength: 60 })),
      field('Model', h('input', { name: 'model', maxlength: 60 })),
      field('Year', h('input', { name: 'year', type: 'number', min: 1886, max: 2100 })),
      field('VIN', h('input', { name: 'vin', maxlength: 17, autocapitalize: 'characters' }), '17 letters and digits, no I, O or Q (on the registration papers).'),
      field('Serial number (machines without a VIN)', h('input', { name: 'serial', maxlength: 64 }))),
    field('What needs doing', h('textarea', { name: 'description', required: true, maxlength: 2000, rows: 4 })),
    field('Preferred date', h('input', { name: 'service_date', type: 'date', value: today, min: today })),
    field('Priority', select('priority', [['normal', 'Normal'], ['low', 'Low'], ['high', 'High'], ['urgent', 'Urgent']])),
    h('button.primary', { type: 'submit' }, 'Open the ticket'));
  const keyFor = keyedBody();
  onSubmit(form, (data) => {
    const body = {
      description: text(data.get('description')) ?? '', service_date: text(data.get('service_date')), priority: data.get('priority'),
      make: text(data.get('make')), model: text(data.get('model')), year: int(data.get('year')),
      vin: text(data.get('vin'))?.toUpperCase(), serial: text(data.get('serial')),
    };
    return api.call('POST', '/api/service-tickets', { body, idempotencyKey: keyFor(body) });
  }, (r) => navigate(`/portal/service-tickets/${r.data.id}`));
  return h('div', heading('Open a service ticket'), form);
}

/** My contact details (name, phone, address); the email is the sign-in address and shown as such. */
export async function contactView() {
  const r = await api.call('GET', '/api/customers/me');
  const c = r.data;
  const done = h('p.success', { role: 'status' });
  const form = h('form.card', { novalidate: true, 'aria-labelledby': 'contact-title' },
    h('h2', { id: 'contact-title' }, 'Contact details'),
    h('p', 'Sign-in and mail address: ', h('strong', c.email)),
    field('Name', h('input', { name: 'name', autocomplete: 'name', required: true, maxlength: 200, value: c.name })),
    field('Phone', h('input', { name: 'phone', type: 'tel', autocomplete: 'tel', maxlength: 50, value: c.phone || '' })),
    field('Address', h('input', { name: 'address', autocomplete: 'street-address', maxlength: 500, value: c.address || '' })),
    h('button.primary', { type: 'submit' }, 'Save details'), done);
  onSubmit(form, (data) => api.call('PUT', '/api/customers/me', {
    etag: r.etag, body: { name: text(data.get('name')) ?? '', phone: text(data.get('phone')), address: text(data.get('address')) },
  }), () => refreshScreen().then(() => {
    const saved = document.querySelector('form[aria-labelledby=contact-title] .success');
    if (saved) saved.textContent = 'Saved.';
  }));
  return h('div', heading('My details'), form, passwordForm());
}
