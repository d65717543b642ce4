// The few calls of the Scenelog REST API (schemas' scenelog-api.yaml) the page makes, cross-origin to the edge with
// a bearer token header and never with cookies.

/** An error answer of the REST API: its HTTP status and the stable `code` of its error body. */
export class RestError extends Error {
  constructor(status, code, message, details = null) {
    super(`${code}: ${message}`);
    this.name = 'RestError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export class RestClient {
  /**
   * @param {string} baseUrl the edge's base URL, e.g. http://127.0.0.1:8080
   * @param {typeof fetch} [fetchImpl]
   */
  constructor(baseUrl, fetchImpl = globalThis.fetch.bind(globalThis)) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.fetch = fetchImpl;
  }

  /** POST /tokens: a bearer token for an API key, with the key's role and scene. */
  async exchangeApiKey(apiKey) {
    return this.call('POST', '/tokens', { headers: { 'X-Api-Key': apiKey } });
  }

  /** GET /scenes: one page of scenes. */
  async listScenes(token, cursor = null) {
    const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
    return this.call('GET', `/scenes${query}`, { token });
  }

  /** POST /scenes/{sceneId}/session: the scene's oldest live persistent session, or a new one. */
  async findOrStartSession(token, sceneId) {
    return this.call('POST', `/scenes/${encodeURIComponent(sceneId)}/session`, { token, body: {} });
  }

  /** POST /sessions/{sessionId}/clients: joins a client; answers its clientId, token and livelinkUrl. */
  async joinSession(token, sessionId, role) {
    return this.call('POST', `/sessions/${encodeURIComponent(sessionId)}/clients`,
      { token, body: { role, headless: false } });
  }

  async call(method, path, { token = null, headers = {}, body = undefined } = {}) {
    const request = { method, headers: { Accept: 'application/json', ...headers }, credentials: 'omit' };
    if (token) {
      request.headers.Authorization = `Bearer ${token}`;
    }
    if (body !== undefined) {
      request.headers['Content-Type'] = 'application/json';
      request.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await this.fetch(`${this.baseUrl}${path}`, request);
    } catch (error) {
      throw new RestError(0, 'UNREACHABLE', `cannot reach the REST API at ${this.baseUrl} (${error.message})`);
    }
    const text = await response.text();
    const json = parseJson(text);
    if (!response.ok) {
      throw new RestError(response.status, json?.code ?? `HTTP_${response.status}`,
        json?.message ?? (text.slice(0, 200) || response.statusText), json?.details ?? null);
    }
    return json;
  }
}

function parseJson(text) {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}
