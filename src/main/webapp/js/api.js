// The REST API as the console calls it: JSON in snake_case, bearer tokens, problems as ApiError.
//
// Tokens: the access token lives only in this module's memory. The refresh token lives in the tab's
// sessionStorage, so that a reload keeps the session for the refresh token's lifetime (the page trades it
// for a new pair at start) and closing the tab ends it. Every refresh rotates it: the new one replaces the
// old in storage, and one refresh runs at a time (concurrent 401s wait for the same one), so the console
// never presents a used token (which would revoke the whole login). The trade-off is written in the README.

const REFRESH_KEY = 'factory-ops.refresh-token';
let accessToken = null;
let refreshing = null;
let onSignedOut = () => {};

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
  get code() { return this.problem.code; }
}

/** Called when the session cannot be kept (refresh token gone, revoked or expired). */
export function whenSignedOut(callback) { onSignedOut = callback; }

export const hasStoredSession = () => sessionStorage.getItem(REFRESH_KEY) !== null;

function start(tokens) {
  accessToken = tokens.access_token;
  sessionStorage.setItem(REFRESH_KEY, tokens.refresh_token);
  return tokens;
}

function end() {
  accessToken = null;
  sessionStorage.removeItem(REFRESH_KEY);
}

/** Signs in with a username or an email address (path: the customers' own sign-in, /api/customers/login). */
export async function login(identifier, password, path = '/api/auth/login') {
  const body = identifier.includes('@') ? { email: identifier, password } : { username: identifier, password };
  const r = await call('POST', path, { body, auth: false });
  return start(r.data);
}

/** How to sign in: whether single sign-on is configured, and where its provider is (GET /api/auth/sso). */
export async function singleSignOn() {
  return (await call('GET', '/api/auth/sso', { auth: false })).data;
}

/** The last step of single sign-on: the provider's authorization code, redeemed by the API with the PKCE verifier. */
export async function signInWithCode(code, codeVerifier, redirectUri) {
  const r = await call('POST', '/api/auth/sso/code', {
    body: { code, code_verifier: codeVerifier, redirect_uri: redirectUri }, auth: false,
  });
  return start(r.data);
}

/** Trades the stored refresh token for a new pair (one exchange at a time). */
export function refresh() {
  refreshing ||= (async () => {
    const token = sessionStorage.getItem(REFRESH_KEY);
    if (!token) throw new ApiError(401, { code: 'UNAUTHORIZED', detail: 'Please sign in.' });
    try {
      const r = await call('POST', '/api/auth/refresh', { body: { refresh_token: token }, auth: false });
      start(r.data);
    } catch (e) {
      if (e.status === 401 || e.status === 400) end();
      throw e;
    }
  })().finally(() => { refreshing = null; });
  return refreshing;
}

export async function logout() {
  const token = sessionStorage.getItem(REFRESH_KEY);
  try {
    await call('POST', '/api/auth/logout', { body: token ? { refresh_token: token } : undefined, retry: false });
  } finally {
    end();
  }
}

/** A fresh Idempotency-Key (random, 128 bits; crypto.randomUUID needs a secure context, this does not). */
export function idempotencyKey() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/**
 * One request with the session's bearer token: options query (object; empty values left out), body (sent as
 * JSON), etag (sent as If-Match), idempotencyKey, auth (default true), accept. A 401 refreshes the tokens
 * once and repeats the request. Resolves the Response when it is 2xx; rejects with ApiError otherwise.
 */
async function send(method, path, options = {}) {
  const { query, body, etag, auth = true, retry = true } = options;
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(query || {})) {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, v);
  }
  const headers = { Accept: options.accept || 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (auth && accessToken) headers.Authorization = `Bearer ${accessToken}`;
  if (etag) headers['If-Match'] = etag;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  if (auth && !accessToken && retry && hasStoredSession()) {
    await refresh().catch(() => {});
    return send(method, path, { ...options, retry: false });
  }
  let response;
  try {
    response = await fetch(url, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit', cache: 'no-store', signal: options.signal,
    });
  } catch (e) {
    if (e?.name === 'AbortError') throw e;
    throw new ApiError(0, { title: 'Network error', detail: 'The server did not answer. Check the connection and try again.' });
  }
  if (response.status === 401 && auth) {
    const data = await problemOf(response);
    if (retry && hasStoredSession()) {
      try {
        await refresh();
      } catch {
        onSignedOut();
        throw new ApiError(401, data || { code: 'UNAUTHORIZED', detail: 'Your session has ended. Please sign in again.' });
      }
      return send(method, path, { ...options, retry: false });
    }
    end();
    onSignedOut();
    throw new ApiError(401, data || { title: response.statusText, detail: 'HTTP 401' });
  }
  if (!response.ok) {
    throw new ApiError(response.status, await problemOf(response) || { title: response.statusText, detail: `HTTP ${response.status}` });
  }
  return response;
}

const isJson = (response) => (response.headers.get('Content-Type') || '').includes('json');
const problemOf = async (response) => (isJson(response) ? response.json().catch(() => null) : null);

/** One API call (options as send's). Resolves {status, data, etag}; rejects with ApiError. */
export async function call(method, path, options = {}) {
  const response = await send(method, path, options);
  const data = isJson(response) ? await response.json() : null;
  return { status: response.status, data, etag: response.headers.get('ETag') };
}

/**
 * Downloads a file (an export, a report, a stored run) with the session's token, reading the body as it
 * arrives: progress(bytesReceived, bytesInAll or null when the server does not say) after each piece.
 * Resolves {blob, filename, bytes}; rejects with ApiError (the problem the API answered) before any byte.
 */
export async function download(path, { query, progress = () => {}, signal } = {}) {
  const response = await send('GET', path, { query, accept: '*/*', signal });
  const length = Number(response.headers.get('Content-Length'));
  const total = Number.isFinite(length) && length > 0 && !response.headers.get('Content-Encoding') ? length : null;
  const chunks = [];
  let bytes = 0;
  progress(0, total);
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      bytes += value.length;
      progress(bytes, total);
    }
  }
  const disposition = response.headers.get('Content-Disposition') || '';
  const named = /filename="?([^";]+)"?/.exec(disposition);
  const filename = named ? named[1] : path.split('/').pop();
  const type = response.headers.get('Content-Type') || 'application/octet-stream';
  return { blob: new Blob(chunks, { type }), filename, bytes };
}

export const get = (path, query) => call('GET', path, { query }).then((r) => r.data);
