/**
 * The page an invoice PDF is drawn on: A4 geometry, the colours, and the {@link Writer}, a
 * cursor over pages that draws text (in WinAnsi), wraps it, measures it as pdf-lib draws
 * it, starts a new page when one is full and records every piece of text it drew.
 */
import type * as PdfLib from 'pdf-lib';
import type { PDFFont, PDFPage, RGB } from 'pdf-lib';
import { rgb } from './pdf-lib.js';
import { toWinAnsi } from './winansi.js';

/** The page size, in points. */
export const A4 = { width: 595.28, height: 841.89 };
/** The margin on every side, in points. */
export const MARGIN = 48;
/** The width between the margins. */
export const CONTENT = A4.width - 2 * MARGIN;
/** Text colour. */
export const INK = rgb(0.11, 0.13, 0.17);
/** Labels and secondary text. */
export const MUTED = rgb(0.42, 0.46, 0.52);
/** Rules between sections. */
export const RULE = rgb(0.85, 0.87, 0.9);
/** The table header's band. */
export const BAND = rgb(0.96, 0.97, 0.98);
/** Text on a coloured badge. */
export const WHITE = rgb(1, 1, 1);

/** The three faces the invoice uses. */
export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
}

/** Lowest baseline of body text: below it the footer starts (its rule is at MARGIN + 22). */
export const BODY_BOTTOM = MARGIN + 40;

/** One piece of text as drawn: its page (0-based), baseline origin, width and size. */
export interface TextBox {
  page: number;
  x: number;
  y: number;
  width: number;
  size: number;
  text: string;
  /** The footer drawn on every page (below {@link BODY_BOTTOM}). */
  footer?: boolean;
}

/**
 * Text widths of one font at one size as drawn: pdf-lib draws a string as one run of
 * glyphs without kerning, so its width is the sum of its characters' widths (pdf-lib's
 * `widthOfTextAtSize` subtracts kerning the drawing never applies, which put right-aligned
 * text past the margin). Character widths are cached, so measuring a line as it grows
 * costs O(1) per character.
 */
export class Measure {
  readonly #chars = new Map<string, number>();
  constructor(
    private readonly font: PDFFont,
    private readonly size: number,
  ) {}

  char(c: string): number {
    let w = this.#chars.get(c);
    if (w === undefined) this.#chars.set(c, (w = this.font.widthOfTextAtSize(c, this.size)));
    return w;
  }

  /** Width of `t` added to a width of `from`. */
  append(from: number, t: string): number {
    let w = from;
    for (let i = 0; i < t.length; i++) w += this.char(t.charAt(i));
    return w;
  }
}

/** A cursor over pages: draws text, wraps it, and starts a new page when one is full. */
export class Writer {
  page: PDFPage;
  y: number;
  pages: PDFPage[] = [];
  /** Every piece of text drawn, for {@link layoutInvoicePdf}. */
  readonly boxes: TextBox[] = [];
  measuredChars = 0;
  readonly #measures = new Map<PDFFont, Map<number, Measure>>();
  constructor(
    private readonly doc: PdfLib.PDFDocument,
    readonly fonts: Fonts,
    private readonly onNewPage: (w: Writer) => void,
  ) {
    this.page = this.addPage();
    this.y = A4.height - MARGIN;
  }

  private addPage(): PDFPage {
    const page = this.doc.addPage([A4.width, A4.height]);
    this.pages.push(page);
    return page;
  }

  /** The index of the current page. */
  get pageIndex(): number {
    return this.pages.length - 1;
  }

  /** Makes sure `height` points fit above the footer; otherwise continues on a new page. */
  ensure(height: number): void {
    if (this.y - height >= BODY_BOTTOM) return;
    this.newPage();
  }

  /** Continues on a new page (with the continuation header). */
  newPage(): void {
    this.page = this.addPage();
    this.y = A4.height - MARGIN;
    this.onNewPage(this);
  }

  /** The drawn width of `s` (counted: every measurement goes through here). */
  widthOf(s: string, font: PDFFont, size: number): number {
    this.measuredChars += s.length;
    return this.measure(font, size).append(0, s);
  }

  measure(font: PDFFont, size: number): Measure {
    let bySize = this.#measures.get(font);
    if (!bySize) this.#measures.set(font, (bySize = new Map()));
    let m = bySize.get(size);
    if (!m) bySize.set(size, (m = new Measure(font, size)));
    return m;
  }

  text(s: string, x: number, y: number, size: number, font: PDFFont = this.fonts.regular, color: RGB = INK): void {
    const t = toWinAnsi(s);
    if (t === '') return;
    this.page.drawText(t, { x, y, size, font, color });
    this.boxes.push({ page: this.pageIndex, x, y, width: this.widthOf(t, font, size), size, text: t });
  }

  right(
    s: string,
    xRight: number,
    y: number,
    size: number,
    font: PDFFont = this.fonts.regular,
    color: RGB = INK,
  ): void {
    const t = toWinAnsi(s);
    this.text(t, xRight - this.widthOf(t, font, size), y, size, font, color);
  }

  /** The footer line of every page: drawn and recorded as footer text. */
  footer(page: number, s: string, x: number, y: number, size: number, font: PDFFont): void {
    const t = toWinAnsi(s);
    (this.pages[page] as PDFPage).drawText(t, { x, y, size, font, color: MUTED });
    this.boxes.push({ page, x, y, width: this.widthOf(t, font, size), size, text: t, footer: true });
  }

  rule(y: number, color: RGB = RULE, from = MARGIN, to = MARGIN + CONTENT, thickness = 0.75): void {
    this.page.drawLine({ start: { x: from, y }, end: { x: to, y }, thickness, color });
  }

  /**
   * Splits `text` into lines no wider than `width` (long words are broken), in one pass:
   * each character is measured once, from cached widths (wrapping a 5,000-character name
   * used to re-measure every shorter prefix of every line: cubic).
   */
  wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const m = this.measure(font, size);
    const lines: string[] = [];
    let line = '';
    let lineWidth = 0;
    for (const word of toWinAnsi(text).split(' ')) {
      this.measuredChars += word.length + 1;
      const candidate = m.append(line === '' ? 0 : m.append(lineWidth, ' '), word);
      if (candidate <= width) {
        line = line === '' ? word : `${line} ${word}`;
        lineWidth = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      // The word alone, broken where it no longer fits (at least one character a line).
      line = '';
      lineWidth = 0;
      for (let i = 0; i < word.length; i++) {
        const c = word.charAt(i);
        const w = lineWidth + m.char(c);
        if (w > width && line !== '') {
          lines.push(line);
          line = c;
          lineWidth = m.char(c);
        } else {
          line += c;
          lineWidth = w;
        }
      }
    }
    if (line !== '') lines.push(line);
    return lines.length > 0 ? lines : [''];
  }
}
