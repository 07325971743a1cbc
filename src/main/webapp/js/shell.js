// What every screen needs from the page that shows it (the staff console, js/main.js, or the customer portal,
// js/portal.js): who is signed in, navigation, reloading the current screen, and where its screens live.
// Views import this module, never a page's module, so that both pages share views without import cycles.

/** Who is signed in: the account (GET /api/auth/me) and the roles it holds (GET /api/roles). */
export const me = { user: null, roles: new Set(), manages: [] };
export const can = (role) => me.roles.has(role);

let page = { base: '/app', navigate: () => {}, render: () => {} };

/** Called once by the page: base (its path prefix), navigate(path, replace) and render(). */
export function showIn(shell) { page = shell; }

/** The path prefix of the page's screens ('/app' or '/portal'). */
export const base = () => page.base;

export function navigate(path, replace = false) { return page.navigate(path, replace); }

/** Reloads the current screen (after an action changed what it shows). */
export const refreshScreen = () => page.render();
