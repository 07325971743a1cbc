// Sign-in with a username or an email address (the console), or a customer's email (the portal).
import { h, field } from '../dom.js';
import * as api from '../api.js';
import { onSubmit, showProblem } from '../forms.js';
import * as sso from '../sso.js';

const CONSOLE = {
  title: 'Sign in to Factory Ops', label: 'Username or email', path: '/api/auth/login',
  hint: 'First start: the first administrator’s password is generated and printed once in the server log '
    + '(unless FACTORY_ADMIN_PASSWORD was set). Sign in with it, then change it under Account.',
};

/**
 * options: title, label (of the login field), path (the API's sign-in), hint, extra (nodes below the form),
 * singleSignOn (a promise of GET /api/auth/sso: offers "Sign in with …" when a provider is configured),
 * error (why the last sign-in failed, shown at once).
 */
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
  if (o.singleSignOn) {
    o.singleSignOn.then((config) => {
      if (!config?.enabled || !config.authorization_endpoint) return;
      const button = h('button.primary', { type: 'button', id: 'sso' }, `Sign in with ${config.name}`);
      button.addEventListener('click', () => sso.begin(config).catch((e) => showProblem(form, e)));
      const note = config.staff_password_sign_in ? 'or with a password:'
        : 'Staff sign in with ' + config.name + '; passwords are for the super administrator only.';
      form.querySelector('h1').after(button, h('p.hint', note));
    }).catch(() => { /* no single sign-on offered: the password form stays */ });
  }
  if (o.error) queueMicrotask(() => showProblem(form, o.error));
  queueMicrotask(() => form.querySelector('input')?.focus());
  return h('main', { id: 'main' }, form);
}
