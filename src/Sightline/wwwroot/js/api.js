// The portal's only way to the data: Graph API calls with the analyst's bearer token.

const ROOT = '/v1.0/security/threatIntelligence/';
const TOKEN_KEY = 'sightline.token';

/** Raised for any answer that is not 2xx; carries Graph's error code and message. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(value) {
  sessionStorage.setItem(TOKEN_KEY, value);
}

export function clearToken() {
  sessionStorage.removeItem(TOKEN_KEY);
}

/** A path relative to the threat intelligence root, an absolute path, or a next link of this server. */
export function resolve(path) {
  if (/^https?:\/\//i.test(path)) {
    const url = new URL(path);
    // Next links are absolute: follow them only on this origin, so the token never leaves it.
    return url.origin === location.origin ? url.pathname + url.search : null;
  }
  return path.startsWith('/') ? path : ROOT + path;
}

/** Path segment for a key: host names, addresses, base64 ids with '/' or '+' all survive one decoding. */
export function key(value) {
  return encodeURIComponent(value);
}

export async function getJson(path, { signal } = {}) {
  const url = resolve(path);
  if (url === null) {
    throw new ApiError(0, 'foreignLink', `Not following a link to another origin: ${path}`);
  }
  const headers = { Accept: 'application/json' };
  const bearer = token();
  if (bearer) {
    headers.Authorization = `Bearer ${bearer}`;
  }
  let response;
  try {
    response = await fetch(url, { headers, signal, cache: 'no-store' });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'networkError', `The server could not be reached (${e.message}).`);
  }
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) {
    const error = body && body.error ? body.error : {};
    const failure = new ApiError(response.status, error.code || 'error',
      error.message || `${response.status} ${response.statusText}`);
    if (response.status === 401) {
      window.dispatchEvent(new CustomEvent('sightline:unauthorized', { detail: failure }));
    }
    throw failure;
  }
  return body;
}

/** One page of a collection: its items, the next link (or null) and the count when $count=true was asked. */
export async function getPage(path, options) {
  const body = await getJson(path, options);
  return {
    items: Array.isArray(body?.value) ? body.value : [],
    next: body?.['@odata.nextLink'] ?? null,
    count: body?.['@odata.count'] ?? null,
  };
}

/** Every item of a collection up to max, following @odata.nextLink. */
export async function getAll(path, max = 1000, options) {
  const items = [];
  let next = path;
  while (next && items.length < max) {
    const page = await getPage(next, options);
    items.push(...page.items);
    next = page.next;
  }
  return items.slice(0, max);
}

/** Builds a query string from OData options, skipping empty ones. */
export function query(options) {
  const parts = [];
  for (const [name, value] of Object.entries(options)) {
    if (value === undefined || value === null || value === '') continue;
    parts.push(`${name}=${encodeURIComponent(value)}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/** An OData string literal: quotes doubled. */
export function literal(value) {
  return `'${String(value).replaceAll("'", "''")}'`;
}
