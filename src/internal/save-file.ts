/**
 * Saving a file the API answered with (an invoice's PDF, the billed users' CSV) as a
 * download. Elements load it on the first download (a chunk of its own), while the file
 * itself is fetched.
 */

/** A file name without path separators or control characters; `fallback` when nothing is left. */
function safeFileName(name: string, fallback: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').trim();
  return cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned : fallback;
}

/**
 * Hands `blob` to the browser as a download named `name` (made safe; `fallback` when
 * nothing of it is left), through a link in `root`. Returns the name used.
 */
export function saveFile(root: ShadowRoot, blob: Blob, name: string, fallback: string): string {
  const file = safeFileName(name, fallback);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file;
  a.rel = 'noopener';
  root.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return file;
}
