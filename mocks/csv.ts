/**
 * CSV export: RFC 4180 text that spreadsheets open safely.
 *
 * - Records end with CRLF, the last one too. Fields are separated by commas.
 * - A field is quoted when it contains a comma, a double quote, CR or LF (or leading or
 *   trailing spaces, which some readers trim); a double quote inside is doubled.
 * - CSV injection (OWASP): a text cell that starts with `=`, `+`, `-`, `@`, a tab, CR or
 *   LF would run as a formula in Excel, LibreOffice or Google Sheets. Such a cell is
 *   prefixed with a single quote (`'=HYPERLINK(…)`), which spreadsheets show as text. The
 *   header row is treated the same way.
 * - Numbers are safe as numbers: a cell given as a `number` is written as the number
 *   (`-12.5`, `1e21`) and never prefixed, so spreadsheets still read negative amounts as
 *   numbers. Only strings are neutralised: the string `"-12.5"` becomes `'-12.5`. Pass
 *   amounts as numbers, names and descriptions as strings. A number that is not finite
 *   (NaN, ±Infinity) is refused with a `RangeError`: it is a bug, not data.
 * - No byte-order mark is added by {@link toCsv}: a caller serving the file to spreadsheet
 *   apps prepends {@link CSV_BOM} (the users export does), so Excel reads UTF-8 names such
 *   as Schäfer right instead of guessing a legacy code page.
 */

/** The UTF-8 byte-order mark (U+FEFF) that tells spreadsheet apps a CSV file is UTF-8. */
export const CSV_BOM = '\uFEFF';

/** First characters that make a spreadsheet evaluate a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/** A field that needs quotes: separators, quotes, line breaks, or edge spaces. */
const NEEDS_QUOTES = /[",\r\n]|^ | $/;

/** One cell as CSV text: neutralised when it is text that could run as a formula, then quoted when needed. */
export function csvCell(value: string | number): string {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`A CSV number cell must be finite, got ${value}.`);
    text = String(value);
  } else {
    text = FORMULA_START.test(value) ? `'${value}` : value;
  }
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The CSV document of `header` and `rows`: one record per line, CRLF line ends, every
 * row as long as the header (a `RangeError` otherwise). A record of a single empty cell
 * is written as `""` so that it is not read as an empty line.
 */
export function toCsv(header: string[], rows: (string | number)[][]): string {
  const record = (cells: readonly (string | number)[]): string =>
    cells.length === 1 && cells[0] === '' ? '""' : cells.map(csvCell).join(',');
  let out = `${record(header)}\r\n`;
  rows.forEach((row, i) => {
    if (row.length !== header.length) {
      throw new RangeError(`CSV row ${i + 1} has ${row.length} cells; the header has ${header.length}.`);
    }
    out += `${record(row)}\r\n`;
  });
  return out;
}
