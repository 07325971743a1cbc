// The signed-in account: who, which role, and the password change.
import { h, field, heading, when, label } from '../dom.js';
import * as api from '../api.js';
import { onSubmit } from '../forms.js';
import { me } from '../shell.js';

/** Changing one's own password; the change signs out every other session and this tab signs in again. */
export function passwordForm() {
  const u = me.user;
  const done = h('p.success', { role: 'status' });
  const form = h('form.card', { novalidate: true, 'aria-labelledby': 'pw-title' },
    h('h2', { id: 'pw-title' }, 'Change password'),
    field('Current password', h('input', { name: 'current_password', type: 'password', autocomplete: 'current-password', maxlength: 128 })),
    field('New password', h('input', { name: 'new_password', type: 'password', autocomplete: 'new-password', maxlength: 128 }),
      'At least 12 characters, letters and digits, not containing your username.'),
    h('button.primary', { type: 'submit' }, 'Change password'), done);
  // the change revokes every token of the account, this tab's too: sign in again with the new password
  onSubmit(form, async (data) => {
    await api.call('POST', '/api/auth/change-password', {
      body: { current_password: data.get('current_password'), new_password: data.get('new_password') },
    });
    const session = await api.login(u.username, String(data.get('new_password')));
    me.user = session.user;
  }, () => {
    form.reset();
    document.getElementById('password-banner')?.remove();
    document.getElementById('password-notice')?.remove();
    done.textContent = 'Password changed. Every other session of this account has been signed out.';
  });
  return form;
}

export function accountView() {
  const u = me.user;
  return h('div',
    heading('Account'),
    h('dl.facts',
      h('dt', 'Username'), h('dd', u.username),
      h('dt', 'Email'), h('dd', u.email),
      h('dt', 'Name'), h('dd', u.full_name || '—'),
      h('dt', 'Role'), h('dd', label(u.role)),
      h('dt', 'Last sign-in'), h('dd', when(u.last_login_at))),
    u.password_change_required
      ? h('p.notice', { id: 'password-notice' }, 'This account still has the password generated at the first start: choose your own below.')
      : null,
    passwordForm());
}
