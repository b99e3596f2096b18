import { onDemand } from '../../internal/on-demand.js';
import { en } from './contacts-editor.messages.js';

/** A part, loaded on demand; its English messages join the element's (the Dutch file has every key). */
const part = <T extends { en: object }>(load: () => Promise<T>): (() => Promise<T>) =>
  onDemand(() => load().then((m) => (Object.assign(en, m.en), m)));

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
