/**
 * Text for the PDF's standard fonts, which only encode WinAnsi (Windows-1252):
 * {@link toWinAnsi} replaces what they cannot draw (narrow no-break spaces and minus signs
 * from `Intl`, letters such as "ı") with the nearest character they can; `€`, `£`, `×`,
 * `–`, `•`, `›` are WinAnsi.
 */

/** Code points above U+00FF that WinAnsi (Windows-1252) encodes. */
const WINANSI_EXTRA = new Set([
  0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017d, 0x017e, 0x0192, 0x02c6, 0x02dc, 0x2013, 0x2014, 0x2018, 0x2019,
  0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);

/** Replacements for characters `Intl` and names produce that WinAnsi lacks. */
const WINANSI_REPLACEMENTS: Record<string, string> = {
  '\u202f': '\u00a0', // narrow no-break space (fr, some currency formats)
  '\u2007': '\u00a0', // figure space
  '\u2009': ' ', // thin space
  '\u200a': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u200b': '', // zero-width space
  '\u200e': '', // left-to-right mark (Intl, bidi locales)
  '\u200f': '',
  '\u061c': '',
  '\u2212': '-', // minus sign (fi, sv, nb…)
  '\u2010': '-',
  '\u2011': '-', // non-breaking hyphen
  '\u2032': "'",
  '\u2033': '"',
  '\u2044': '/',
  '\u0131': 'i', // dotless i
  '\u0130': 'I',
  '\u0141': 'L',
  '\u0142': 'l',
  '\u00a0': '\u00a0',
};

function isWinAnsi(cp: number): boolean {
  return (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff) || WINANSI_EXTRA.has(cp);
}

/**
 * `text` with every character the standard fonts cannot encode replaced: known
 * look-alikes first, then the letter without its accents (`č` → `c`), else `?`.
 * Line breaks and tabs become spaces.
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (isWinAnsi(cp)) {
      out += ch;
      continue;
    }
    const mapped = WINANSI_REPLACEMENTS[ch];
    if (mapped !== undefined) {
      out += mapped;
      continue;
    }
    if (ch === '\n' || ch === '\r' || ch === '\t') {
      out += ' ';
      continue;
    }
    const bare = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    out += bare !== '' && [...bare].every((c) => isWinAnsi(c.codePointAt(0) as number)) ? bare : '?';
  }
  return out;
}
