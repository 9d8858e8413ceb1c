// Sign-in: a token from the serve banner's link (#/signin?token=...) or pasted; kept in this tab's sessionStorage.

import { getJson, setToken, clearToken, token } from '../api.js';
import { h, title, errorBox } from '../ui.js';

async function accept(value) {
  setToken(value);
  try {
    // Any cheap read proves the token: the API answers 401 for a bad one and 403 without the Read permission.
    await getJson('articles?$top=1&$select=id');
  } catch (error) {
    clearToken();
    throw error;
  }
}

function nextHash(params) {
  const next = params.next || '';
  return next.startsWith('#/') && !next.startsWith('#/signin') ? next : '#/search';
}

export async function render(root, params) {
  if (params.token) {
    // Take the token out of the address bar and history before anything else.
    const fromLink = params.token;
    history.replaceState(null, '', `${location.pathname}#/signin`);
    root.append(title('Signing in…'));
    try {
      await accept(fromLink.trim());
      location.replace(nextHash(params));
      return;
    } catch (error) {
      root.replaceChildren(title('Sign in'), errorBox({ code: error.code, message: `The link's token was refused: ${error.message}` }));
    }
  } else {
    root.append(title('Sign in'));
  }

  if (params.expired) {
    root.append(h('p', { class: 'notice', role: 'status' }, 'Your session ended or the token was refused. Sign in again.'));
  } else if (params.signedOut) {
    root.append(h('p', { class: 'notice', role: 'status' }, 'Signed out. The token was removed from this tab.'));
  }
  if (token()) {
    root.append(h('p', {}, 'This tab already holds a token. ', h('a', { href: '#/search' }, 'Go to search'), '.'));
  }

  const field = h('textarea', { id: 'token-input', name: 'token', rows: '4', required: true, spellcheck: 'false', autocomplete: 'off' });
  const result = h('div', { class: 'signin-result' });
  const form = h('form', { class: 'signin', id: 'signin-form' },
    h('p', {}, 'Open the sign-in link that ', h('code', {}, 'serve'), ' prints, or paste a bearer token: one from ',
      h('code', {}, 'sightline token'), ' or from your identity provider. It is kept in this browser tab only.'),
    h('label', { for: 'token-input' }, 'Bearer token'),
    field,
    h('div', {}, h('button', { type: 'submit' }, 'Sign in')),
    result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    result.replaceChildren();
    const value = field.value.trim().replace(/^Bearer\s+/i, '');
    if (!value) return;
    try {
      await accept(value);
      location.hash = nextHash(params);
    } catch (error) {
      result.append(errorBox({ code: error.code, message: `The token was refused: ${error.message}` }));
      field.focus();
    }
  });
  root.append(form);
}
