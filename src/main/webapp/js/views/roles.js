// Roles (admins): the permissions each built-in role holds, and the custom roles that add permissions to
// accounts: created with the permissions the signed-in admin holds (the API refuses the others), changed and
// deleted. An account's screen gives and takes them.
import { h, heading, table, field, label } from '../dom.js';
import { call, get } from '../api.js';
import { onSubmit, actionButton, text } from '../forms.js';
import { me, refreshScreen } from '../shell.js';

/** One checkbox per permission; those the admin lacks cannot be granted, so they are shown disabled. */
export function permissionChoices(permissions, checked, legend) {
  return h('fieldset.choices', h('legend', legend),
    permissions.map((p) => h('label.choice', { title: p.description },
      h('input', { type: 'checkbox', name: 'permissions', value: p.name, checked: checked.has(p.name),
        disabled: !me.permissions.has(p.name) }),
      ` ${p.name}`)));
}

function roleBody(data) {
  return { name: text(data.get('name')), description: text(data.get('description')), permissions: data.getAll('permissions') };
}

function customRoleCard(role, permissions) {
  const form = h('form.card', { novalidate: true, 'aria-label': `Role ${role.name}` },
    h('h3', role.name),
    h('input', { type: 'hidden', name: 'name', value: role.name }),
    field('Description', h('input', { name: 'description', maxlength: 500, value: role.description || '' })),
    permissionChoices(permissions, new Set(role.permissions), `Permissions of ${role.name}`),
    h('div.actions',
      h('button.primary', { type: 'submit' }, `Save ${role.name}`),
      actionButton(`Delete ${role.name}`, () => call('DELETE', `/api/custom-roles/${role.id}`).then(refreshScreen),
        { class: 'danger' })));
  onSubmit(form, async (data) => {
    const current = await call('GET', `/api/custom-roles/${role.id}`);
    return call('PUT', `/api/custom-roles/${role.id}`, { body: roleBody(data), etag: current.etag });
  }, refreshScreen);
  return form;
}

export async function rolesView() {
  const [builtIn, permissions, custom] = await Promise.all([
    get('/api/roles'), get('/api/permissions'), get('/api/custom-roles', { per_page: 100, sort: 'name' })]);
  const create = h('form.card', { novalidate: true, 'aria-labelledby': 'new-role' },
    h('h2', { id: 'new-role' }, 'New custom role'),
    h('div.grid',
      field('Name', h('input', { name: 'name', maxlength: 40, autocomplete: 'off' }),
        'Lower-case letters, digits, - or _; not a built-in role\'s name.'),
      field('Description', h('input', { name: 'description', maxlength: 500 }))),
    permissionChoices(permissions, new Set(), 'Permissions of the new role'),
    h('button.primary', { type: 'submit' }, 'Create role'));
  onSubmit(create, (data) => call('POST', '/api/custom-roles', { body: roleBody(data) }), refreshScreen);
  return h('div',
    heading('Roles'),
    h('p.hint', 'A custom role adds its permissions to the accounts that hold it (give it on an account\'s screen). '
      + 'Holders\' sessions pick up a change within seconds.'),
    h('section', { 'aria-labelledby': 'custom-roles' },
      h('h2', { id: 'custom-roles' }, 'Custom roles'),
      custom.data.length ? custom.data.map((r) => customRoleCard(r, permissions))
        : h('p.empty', { role: 'status' }, 'No custom roles yet. Create one below.')),
    create,
    h('section', { 'aria-labelledby': 'built-in-roles' },
      h('h2', { id: 'built-in-roles' }, 'Built-in roles'),
      table('Built-in roles', [['Role', (r) => label(r.name)], ['What it is for', (r) => r.description],
        ['Permissions', (r) => r.permissions.join(', ')]], builtIn, 'No roles.')));
}

/** The custom roles an account holds, as checkboxes (an account's screen). */
export async function customRolesForm(account, etag) {
  const roles = await get('/api/custom-roles', { per_page: 100, sort: 'name' });
  const held = new Set(account.custom_roles);
  const form = h('form.card', { novalidate: true, 'aria-labelledby': 'custom-roles-title' },
    h('h2', { id: 'custom-roles-title' }, 'Custom roles'),
    roles.data.length ? h('fieldset.choices', h('legend', `Custom roles of ${account.username}`),
      roles.data.map((r) => h('label.choice', { title: r.permissions.join(', ') },
        h('input', { type: 'checkbox', name: 'custom_roles', value: r.name, checked: held.has(r.name) }), ` ${r.name}`)))
      : h('p.empty', 'No custom roles exist yet (Roles screen).'),
    h('p.hint', `Permissions now: ${account.permissions.join(', ')}`),
    h('button.primary', { type: 'submit' }, 'Save custom roles'));
  onSubmit(form, (data) => call('PUT', `/api/auth/users/${account.id}`, { etag, body: { custom_roles: data.getAll('custom_roles') } }),
    refreshScreen);
  return form;
}
