// Where the page's credentials come from and stay: the URL fragment (#key=... or #token=...), which browsers never
// send to a server, or the sign-in form; kept in sessionStorage (this tab only) and wiped from the address bar at
// once so that a copied link or the history does not carry them.

const STORAGE_KEY = 'scenelog.viewer.credentials';

/**
 * Reads credentials from the fragment (removing it from the address bar), else from sessionStorage.
 *
 * @returns {{apiKey?: string, token?: string}|null}
 */
export function takeCredentials(win = window) {
  const fromFragment = parseFragment(win.location.hash);
  if (fromFragment) {
    const url = new URL(win.location.href);
    url.hash = '';
    win.history.replaceState(win.history.state, '', url.pathname + url.search);
    storeCredentials(fromFragment, win);
    return fromFragment;
  }
  return loadCredentials(win);
}

/** The credentials in a fragment like "#key=slk_..." or "#token=eyJ...", or null. */
export function parseFragment(hash) {
  const params = new URLSearchParams((hash ?? '').replace(/^#/, ''));
  const apiKey = params.get('key');
  const token = params.get('token');
  if (apiKey) {
    return { apiKey };
  }
  if (token) {
    return { token };
  }
  return null;
}

export function storeCredentials(credentials, win = window) {
  win.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(credentials));
}

export function loadCredentials(win = window) {
  try {
    const stored = JSON.parse(win.sessionStorage.getItem(STORAGE_KEY));
    return stored && (stored.apiKey || stored.token) ? stored : null;
  } catch {
    return null;
  }
}

export function forgetCredentials(win = window) {
  win.sessionStorage.removeItem(STORAGE_KEY);
}

/**
 * The claims of a JWT, read without checking its signature: the page only uses them to choose defaults (the role
 * to ask for); the servers check every token themselves.
 */
export function unverifiedClaims(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(payload.padEnd(payload.length + ((4 - (payload.length % 4)) % 4), '=')));
  } catch {
    return {};
  }
}

/**
 * A bearer token for the credentials: the token itself, or one minted from the API key by POST /tokens.
 *
 * @param {import('./rest.js').RestClient} rest
 * @returns {Promise<{token: string, role: string|undefined}>}
 */
export async function bearerFor(credentials, rest) {
  if (credentials.token) {
    return { token: credentials.token, role: unverifiedClaims(credentials.token).role };
  }
  const minted = await rest.exchangeApiKey(credentials.apiKey);
  return { token: minted.token, role: minted.role };
}
