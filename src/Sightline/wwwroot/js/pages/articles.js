// The articles index: newest first, paged, narrowed by $search.
import { listPage } from '../listing.js';

export async function render(root, params) {
  await listPage(root, params, { set: 'articles', heading: 'Articles', orderby: 'createdDateTime desc', noun: 'articles' });
}
