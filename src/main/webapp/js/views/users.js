// Users (admins): list and search, create an account, change its role, deactivate it; one account's screen
// edits its name and email, sets a new password and deactivates or reactivates it. The roles offered are
// those the signed-in admin may manage (GET /api/roles: manages); the API decides anyway.
import { h, heading, when, label, table, badge, field, select, link } from '../dom.js';
import { call } from '../api.js';
import { onSubmit, actionButton, text, int } from '../forms.js';
import { me, refreshScreen } from '../shell.js';
import { pagedList, textInput, choice } from '../list.js';
import { customRolesForm } from './roles.js';

function roleChange(u) {
  const form = h('form.inline', { novalidate: true, 'aria-label': `Role of ${u.username}` },
    h('label.visually-hidden', { for: `role-${u.id}` }, `Role of ${u.username}`),
    select('role', me.manages.map((r) => [r, label(r)]), { id: `role-${u.id}` }),
    h('button', { type: 'submit' }, 'Change role'));
  form.querySelector('select').value = u.role;
  onSubmit(form, async (data) => {
    const current = await call('GET', `/api/auth/users/${u.id}`);
    return call('PUT', `/api/auth/users/${u.id}`, { body: { role: data.get('role') }, etag: current.etag });
  }, refreshScreen);
  return form;
}

export async function usersView() {
  const create = h('form.card', { novalidate: true, 'aria-labelledby': 'new-user' },
    h('h2', { id: 'new-user' }, 'New account'),
    h('div.grid',
      field('Username', h('input', { name: 'username', maxlength: 50, autocomplete: 'off' })),
      field('Email', h('input', { name: 'email', type: 'email', maxlength: 255, autocomplete: 'off' })),
      field('Full name', h('input', { name: 'full_name', maxlength: 255 })),
      field('Role', select('role', me.manages.map((r) => [r, label(r)]))),
      field('Password', h('input', { name: 'password', type: 'password', maxlength: 128, autocomplete: 'new-password' })),
      field('Employee id (mechanics)', h('input', { name: 'employee_id', type: 'number', min: 1 })),
      field('Customer id (customers)', h('input', { name: 'customer_id', type: 'number', min: 1 }))),
    h('button.primary', { type: 'submit' }, 'Create account'));
  onSubmit(create, (data) => call('POST', '/api/auth/users', { body: {
    username: text(data.get('username')), email: text(data.get('email')), full_name: text(data.get('full_name')),
    role: data.get('role'), password: data.get('password') || undefined,
    employee_id: int(data.get('employee_id')), customer_id: int(data.get('customer_id')),
  } }), refreshScreen);
  const manageable = (u) => me.manages.includes(u.role) && u.id !== me.user.id;
  return h('div',
    heading('Users'),
    await pagedList({
      api: '/api/auth/users', caption: 'Users',
      filters: [['q', 'Search', textInput('Username, email or name')], ['role', 'Role', choice(['super_admin', 'admin', 'manager', 'user', 'mechanic', 'customer'])],
        ['active', 'Active', h('select', h('option', { value: '' }, 'Any'), h('option', { value: 'true' }, 'Active'), h('option', { value: 'false' }, 'Deactivated'))]],
      columns: [['Username', (u) => (manageable(u) ? link(`/app/users/${u.id}`, u.username) : u.username)],
        ['Name', (u) => u.full_name || '—'], ['Email', (u) => u.email],
        ['Role', (u) => (manageable(u) && u.active ? roleChange(u) : label(u.role))],
        ['Status', (u) => badge(u.active ? 'active' : 'inactive')], ['Last sign-in', (u) => when(u.last_login_at)],
        ['', (u) => (manageable(u) && u.active ? actionButton(`Deactivate ${u.username}`,
          () => call('DELETE', `/api/auth/users/${u.id}`).then(refreshScreen), { class: 'danger' }) : '')]],
      empty: 'No accounts match.',
    }),
    create);
}

export async function userView(id) {
  const { data: u, etag } = await call('GET', `/api/auth/users/${id}`);
  const details = h('form.card', { novalidate: true, 'aria-labelledby': 'details-title' },
    h('h2', { id: 'details-title' }, 'Details'),
    h('div.grid',
      field('Full name', h('input', { name: 'full_name', maxlength: 100, value: u.full_name || '' })),
      field('Email', h('input', { name: 'email', type: 'email', maxlength: 255, value: u.email, autocomplete: 'off' })),
      field('New password', h('input', { name: 'password', type: 'password', maxlength: 128, autocomplete: 'new-password' }),
        'Leave empty to keep the password. A new one signs the account out everywhere.')),
    h('button.primary', { type: 'submit' }, 'Save'));
  onSubmit(details, (data) => call('PUT', `/api/auth/users/${u.id}`, { etag, body: {
    full_name: text(data.get('full_name')), email: text(data.get('email')), password: data.get('password') || undefined,
  } }), refreshScreen);
  const status = u.active
    ? actionButton(`Deactivate ${u.username}`, () => call('DELETE', `/api/auth/users/${u.id}`).then(refreshScreen),
      { class: 'danger', 'data-action': 'deactivate' })
    : actionButton(`Reactivate ${u.username}`, () => call('PUT', `/api/auth/users/${u.id}`, { etag, body: { active: true } })
      .then(refreshScreen), { class: 'primary', 'data-action': 'reactivate' });
  return h('div',
    heading(`Account ${u.username}`, badge(u.active ? 'active' : 'inactive')),
    h('dl.facts',
      h('dt', 'Role'), h('dd', label(u.role)),
      h('dt', 'Last sign-in'), h('dd', when(u.last_login_at)),
      h('dt', 'Created'), h('dd', when(u.created_at))),
    h('div.actions', status),
    details,
    u.role !== 'customer' ? await customRolesForm(u, etag) : null,
    h('p', link('/app/users', '← All users')));
}
