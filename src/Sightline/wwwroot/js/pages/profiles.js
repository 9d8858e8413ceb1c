// The intel profiles index (actors and tools): by title, paged, narrowed by $search.
import { listPage } from '../listing.js';

export async function render(root, params) {
  await listPage(root, params, { set: 'intelProfiles', heading: 'Intel profiles', orderby: 'title', noun: 'profiles' });
}
