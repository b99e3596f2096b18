import { en } from './contacts-editor.messages.js';

/** Loads a part once (a failed load is tried again next time); its English messages join the element's. */
function part<T extends { en: object }>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().then(
      (m) => (Object.assign(en, m.en), m),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
}

/**
 * The parts of <billing-contacts-editor> loaded on demand, a chunk each, so that a page
 * that only shows the details does not download them: editing (checks, auto-save) when
 * the user first focuses the form, the people search when they first focus the contact
 * field, and what a refused save needs (the server's reasons by field, the review of
 * another saved version) when the server first refuses one. Tests replace a loader to see
 * what a part that cannot be loaded shows.
 */
export const parts = {
  editing: part(() => import('./contacts-editor.editing.js')),
  picker: part(() => import('./contacts-editor.picker.js')),
  refused: part(() => import('./contacts-editor.refused.js')),
};
