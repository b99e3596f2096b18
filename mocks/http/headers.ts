/**
 * Response headers that carry data, built so no data can break them: a header value is
 * never made by pasting a string from the world into it.
 */

/** Characters RFC 5987 lets stand in `filename*` (attr-char); everything else is %-encoded. */
const ATTR_CHAR = /[A-Za-z0-9!#$&+\-.^_`|~]/;

/** `s` with lone surrogates (which no encoding can carry) replaced by U+FFFD. */
function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** RFC 5987 `ext-value` encoding of a UTF-8 string: `attr-char` as is, every other byte `%XX`. */
export function encodeRfc5987(value: string): string {
  let out = '';
  for (const ch of wellFormed(value)) {
    if (ATTR_CHAR.test(ch)) {
      out += ch;
      continue;
    }
    for (const byte of new TextEncoder().encode(ch)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Characters kept in the plain `filename` fallback. */
const FALLBACK_CHAR = /[A-Za-z0-9 ._()+-]/;

/**
 * An ASCII-safe file name for the plain `filename` parameter: letters, digits, space and
 * `._()+-` only (anything else, quotes, `;`, `=`, `%`, control characters and non-ASCII
 * included, becomes `_`), at most 150 characters, never empty.
 */
export function asciiFileName(name: string): string {
  let out = '';
  for (const ch of wellFormed(name)) out += FALLBACK_CHAR.test(ch) ? ch : '_';
  out = out.trim().slice(0, 150);
  return out === '' ? 'download' : out;
}

/**
 * `Content-Disposition: attachment` for a file name (RFC 6266): an ASCII fallback in
 * `filename` for old clients and the exact name in `filename*=UTF-8''…` (RFC 5987), so a
 * quote, CR/LF or an emoji in the name can neither break the header nor add a parameter.
 */
export function attachment(fileName: string): string {
  return `attachment; filename="${asciiFileName(fileName)}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}
