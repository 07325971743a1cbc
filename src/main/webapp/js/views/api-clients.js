// API clients (admins): machines that get access tokens with the OAuth 2.0 client credentials grant
// (POST /api/oauth/token). Created with permissions the signed-in admin holds; the secret is shown once, when the
// client is created or its secret rotated (the previous one keeps working for the overlap); revoking stops it and
// its tokens.
import { h, heading, table, field } from '../dom.js';
import { call, get } from '../api.js';
import { onSubmit, actionButton, text } from '../forms.js';
import { refreshScreen } from '../shell.js';
import { permissionChoices } from './roles.js';

// the secret to show once, across the re-render that lists the change
let pending = null;

const when = (instant) => (instant ? new Date(instant).toLocaleString() : '—');

/** The one time a secret is shown: the client's id and secret, to copy now. */
function secretCard(answer, what) {
  return h('div.card', { role: 'status', 'aria-labelledby': 'secret-title' },
    h('h2', { id: 'secret-title' }, what),
    h('p', 'Copy the secret now: it is shown this once and kept only as a hash.'),
    h('dl.facts',
      h('dt', 'client_id'), h('dd', h('code', answer.client.client_id)),
      h('dt', 'client_secret'), h('dd', h('code', { id: 'client-secret' }, answer.client_secret))),
    h('p.hint', `Token: POST /api/oauth/token with grant_type=client_credentials and these credentials (HTTP Basic).`));
}

export async function apiClientsView() {
  const [clients, permissions] = await Promise.all([
    get('/api/api-clients', { per_page: 100, sort: 'name' }), get('/api/permissions')]);
  const shown = h('div', { 'aria-live': 'polite' }, pending ? secretCard(...pending) : null);
  pending = null;
  const reveal = (answer, what) => { pending = [answer, what]; return refreshScreen(); };

  const actions = (c) => (c.active ? h('div.actions',
    actionButton(`Rotate the secret of ${c.name}`, async () => {
      const current = await call('GET', `/api/api-clients/${c.id}`);
      const r = await call('POST', `/api/api-clients/${c.id}/rotate-secret`, { body: { overlap_minutes: 60 }, etag: current.etag });
      await reveal(r.data, `New secret of ${c.name} (the previous one works for 60 more minutes)`);
    }),
    actionButton(`Revoke ${c.name}`, async () => {
      const current = await call('GET', `/api/api-clients/${c.id}`);
      await call('DELETE', `/api/api-clients/${c.id}`, { etag: current.etag });
      await refreshScreen();
    }, { class: 'danger' })) : 'revoked');

  const create = h('form.card', { novalidate: true, 'aria-labelledby': 'new-client' },
    h('h2', { id: 'new-client' }, 'New API client'),
    h('div.grid',
      field('Name', h('input', { name: 'name', maxlength: 40, autocomplete: 'off' }),
        '2 to 40 lower-case letters, digits, _ or -, starting with a letter.'),
      field('Requests a minute', h('input', { name: 'rate_limit_per_minute', type: 'number', min: 1, max: 100000, value: 600 }))),
    permissionChoices(permissions, new Set(), 'Permissions of the new client'),
    h('button.primary', { type: 'submit' }, 'Create API client'));
  onSubmit(create, (data) => call('POST', '/api/api-clients', {
    body: {
      name: text(data.get('name')),
      permissions: data.getAll('permissions'),
      rate_limit_per_minute: Number(data.get('rate_limit_per_minute')) || null,
    },
  }), (r) => reveal(r.data, `API client ${r.data.client.name} created`));

  return h('div',
    heading('API clients'),
    h('p.hint', 'Integrations sign in as API clients with the client credentials grant; the audit log names them '
      + '(client:<name>). A client has only the permissions given here and no refresh token.'),
    shown,
    h('section', { 'aria-labelledby': 'clients' },
      h('h2', { id: 'clients' }, 'Clients'),
      table('API clients', [
        ['Name', (c) => c.name],
        ['Client id', (c) => h('code', c.client_id)],
        ['Permissions', (c) => c.permissions.join(', ')],
        ['Requests a minute', (c) => String(c.rate_limit_per_minute)],
        ['Last token', (c) => when(c.last_used_at)],
        ['', actions],
      ], clients.data, 'No API clients yet. Create one below.')),
    create);
}
