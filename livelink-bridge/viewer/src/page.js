// What both pages share: the bridge's viewer configuration, and the credentials form.

import { storeCredentials } from './credentials.js';

/** GET /viewer/config.json: {restBaseUrl, livelinkUrl}. */
export async function loadConfig() {
  const response = await fetch('/viewer/config.json', { cache: 'no-store', credentials: 'omit' });
  if (!response.ok) {
    throw new Error(`the bridge's /viewer/config.json answered ${response.status}`);
  }
  return response.json();
}

/**
 * Shows the sign-in form and resolves with the credentials entered (stored for this tab).
 *
 * @param {HTMLFormElement} form with inputs named "secret" and "kind" (key|token)
 * @param {string} [problem] why it is shown again (a refused key)
 */
export function askForCredentials(form, problem = '') {
  form.hidden = false;
  form.querySelector('[data-testid="signin-error"]').textContent = problem;
  return new Promise((resolve) => {
    form.onsubmit = (event) => {
      event.preventDefault();
      const secret = form.elements.secret.value.trim();
      if (!secret) {
        return;
      }
      const credentials = form.elements.kind.value === 'token' ? { token: secret } : { apiKey: secret };
      form.elements.secret.value = '';
      form.hidden = true;
      storeCredentials(credentials);
      resolve(credentials);
    };
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a text is a UUID (the form of every scene and session id). */
export function isUuid(text) {
  return typeof text === 'string' && UUID.test(text);
}
