// What every screen needs from the page that shows it (the staff console, js/main.js, or the customer portal,
// js/portal.js): who is signed in, navigation, reloading the current screen, and where its screens live.
// Views import this module, never a page's module, so that both pages share views without import cycles.
import * as api from './api.js';

/** Who is signed in: the account (GET /api/auth/me) and the roles it holds (GET /api/roles). */
export const me = { user: null, roles: new Set(), manages: [], permissions: new Set() };
/** Whether the signed-in account has this built-in role (or one including it) or this permission. */
export const can = (roleOrPermission) => me.roles.has(roleOrPermission) || me.permissions.has(roleOrPermission);

let page = { base: '/app', render: () => {} };

/**
 * Starts a page: base (its path prefix) and render() (draws the screen of the current address). Links marked
 * data-nav and the browser's back and forward buttons change the address without a reload; a session that ends
 * re-renders (the sign-in).
 */
export function showIn(shell) {
  page = shell;
  api.whenSignedOut(() => {
    if (me.user) { me.user = null; page.render(); }
  });
  document.addEventListener('click', (event) => {
    const a = event.target.closest('a[data-nav]');
    if (!a || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(a.getAttribute('href'));
  });
  window.addEventListener('popstate', () => page.render());
  page.render();
}

/** The path prefix of the page's screens ('/app' or '/portal'). */
export const base = () => page.base;

export function navigate(path, replace = false) {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  return page.render();
}

/** Reloads the current screen (after an action changed what it shows). */
export const refreshScreen = () => page.render();
