// Single sign-on through the company's identity provider: Authorization Code with PKCE (RFC 7636). The browser goes
// to the provider with a code challenge; the provider sends it back here with a code, which the API redeems with the
// verifier this tab kept (no client secret anywhere). The verifier and state live in sessionStorage for the round
// trip only, and the code leaves the address bar at once.
import * as api from './api.js';

const PENDING = 'factory-ops.sso';

const base64url = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const random = (n) => base64url(crypto.getRandomValues(new Uint8Array(n)));

/** Sends the browser to the provider's sign-in (config: GET /api/auth/sso). */
export async function begin(config) {
  const verifier = random(32);
  const state = random(16);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  const redirect = `${location.origin}/`;
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, redirect, back: location.pathname }));
  const url = new URL(config.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code', client_id: config.client_id, redirect_uri: redirect, scope: config.scope || 'openid',
    state, code_challenge: base64url(new Uint8Array(digest)), code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

/**
 * When the provider has sent the browser back: redeems the code and resolves true (signed in); false when this is
 * no answer to a sign-in this tab began. Rejects with the reason when the provider or the API refused.
 */
export async function complete() {
  const params = new URLSearchParams(location.search);
  const pending = sessionStorage.getItem(PENDING);
  if (!pending || !params.has('state')) return false;
  sessionStorage.removeItem(PENDING);
  const p = JSON.parse(pending);
  history.replaceState(null, '', p.back && p.back.startsWith('/app/') ? p.back : '/');
  if (params.get('state') !== p.state) throw new Error('This sign-in answer does not belong to this tab; please sign in again.');
  if (params.has('error')) throw new Error(params.get('error_description') || params.get('error'));
  await api.signInWithCode(params.get('code'), p.verifier, p.redirect);
  return true;
}
