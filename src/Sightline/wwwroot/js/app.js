// The portal's hash router: #/<page>/<id>?<params>. Each page is a module js/pages/<page>.js exporting
// render(root, params); it is imported on first use.

import { token, clearToken } from './api.js';
import { h, clear, errorBox, loading } from './ui.js';

const PAGES = new Set(['search', 'host', 'pivot', 'graph', 'article', 'profile', 'vulnerability', 'signin', 'articles', 'profiles']);

/** Splits location.hash into the page name, the id after it and the query parameters. */
export function parseHash(hash) {
  const raw = (hash || '').replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const params = Object.fromEntries(new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)));
  const slash = path.indexOf('/');
  const page = (slash < 0 ? path : path.slice(0, slash)) || 'search';
  if (slash >= 0) {
    params.id = decodeURIComponent(path.slice(slash + 1));
  }
  return { page, params };
}

export function navigate(href) {
  if (location.hash === href) {
    render();
  } else {
    location.hash = href;
  }
}

let generation = 0;

async function render() {
  const view = document.getElementById('view');
  const { page, params } = parseHash(location.hash);
  const current = ++generation;
  updateSession();
  if (!PAGES.has(page)) {
    clear(view).append(h('h1', { tabindex: '-1' }, 'Not found'), errorBox({ message: `There is no page '${page}'.` }));
    return;
  }
  clear(view).append(loading());
  try {
    const module = await import(`./pages/${page}.js`);
    if (current !== generation) return;
    const root = h('div', { class: `page page-${page}`, dataset: { page } });
    clear(view).append(root);
    await module.render(root, params);
  } catch (error) {
    if (current !== generation) return;
    view.append(errorBox(error));
  }
  if (current === generation) {
    document.body.dataset.page = page;
    const heading = view.querySelector('h1');
    if (heading && document.activeElement !== document.getElementById('search-box')) heading.focus({ preventScroll: true });
  }
}

function updateSession() {
  const signedIn = Boolean(token());
  document.getElementById('sign-out').hidden = !signedIn;
  const state = document.getElementById('session-state');
  state.textContent = signedIn ? 'Signed in' : '';
}

function start() {
  const form = document.getElementById('search-form');
  const box = document.getElementById('search-box');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = box.value.trim();
    if (q) navigate(`#/search?q=${encodeURIComponent(q)}`);
  });
  document.addEventListener('keydown', (event) => {
    const typing = event.target.closest && event.target.closest('input, textarea, select, [contenteditable="true"]');
    if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      box.focus();
      box.select();
    }
  });
  document.getElementById('sign-out').addEventListener('click', () => {
    clearToken();
    navigate('#/signin?signedOut=1');
  });
  window.addEventListener('sightline:unauthorized', () => {
    if (parseHash(location.hash).page === 'signin') return;
    clearToken();
    navigate(`#/signin?next=${encodeURIComponent(location.hash || '#/search')}&expired=1`);
  });
  window.addEventListener('hashchange', render);
  render();
}

start();
