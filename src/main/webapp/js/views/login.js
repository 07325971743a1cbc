// Sign-in with a username or an email address (the console), or a customer's email (the portal).
import { h, field } from '../dom.js';
import * as api from '../api.js';
import { onSubmit } from '../forms.js';

const CONSOLE = {
  title: 'Sign in to Factory Ops', label: 'Username or email', path: '/api/auth/login',
  hint: 'First start: the first administrator’s password is generated and printed once in the server log '
    + '(unless FACTORY_ADMIN_PASSWORD was set). Sign in with it, then change it under Account.',
};

/** options: title, label (of the login field), path (the API's sign-in), hint, extra (nodes below the form). */
export function loginView(signedIn, options = CONSOLE) {
  const o = { ...CONSOLE, ...options };
  const form = h('form.card.login', { novalidate: true, 'aria-labelledby': 'login-title' },
    h('h1', { id: 'login-title', tabindex: '-1' }, o.title),
    field(o.label, h('input', { name: 'username', autocomplete: 'username', required: true, maxlength: 255 })),
    field('Password', h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true, maxlength: 128 })),
    h('button.primary', { type: 'submit' }, 'Sign in'),
    o.hint ? h('p.hint', o.hint) : null,
    o.extra || null);
  onSubmit(form, (data) => {
    const id = String(data.get('username') || '').trim();
    // the API names the field it misses; an empty email is sent as an empty username
    return api.login(id, String(data.get('password') || ''), o.path);
  }, () => signedIn());
  queueMicrotask(() => form.querySelector('input')?.focus());
  return h('main', { id: 'main' }, form);
}
