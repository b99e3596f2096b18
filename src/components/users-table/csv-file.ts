/**
 * Saving the billed users' CSV as a download: loaded on the first export (a chunk of its
 * own, with internal/save-file.js), while the CSV itself is fetched.
 */
import { saveFile } from '../../internal/save-file.js';

/** Hands the CSV of `month` to the browser as a download through a link in `root`; returns the file's name. */
export function saveCsv(root: ShadowRoot, month: string, csv: string): string {
  const name = `billed-users-${month}.csv`;
  return saveFile(root, new Blob([csv], { type: 'text/csv;charset=utf-8' }), name, name);
}
