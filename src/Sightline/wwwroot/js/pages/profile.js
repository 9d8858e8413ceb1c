// Placeholder: the profile page is added by the portal's second part; links to it already work.

import { h, title } from '../ui.js';

export async function render(root, params) {
  root.append(title('Profile ' + (params.id || '')), h('p', { class: 'notice' }, 'This page is not yet available.'));
}
