/**
 * pdf-lib, loaded from its self-contained ES module build: its default entry imports
 * CommonJS `pako`, which a browser cannot load without a bundler (the test runner has
 * none); the bundle works in browsers, Vite and Node alike. The rest of `mocks/pdf/`
 * takes pdf-lib's values from here and its types from `pdf-lib`.
 */
// @ts-expect-error -- pdf-lib ships no typings for its bundled ES build; they are those of 'pdf-lib' (below).
import * as pdfLibBundle from 'pdf-lib/dist/pdf-lib.esm.js';
import type * as PdfLib from 'pdf-lib';

/** pdf-lib's document, its standard fonts and its colour constructor. */
export const { PDFDocument, StandardFonts, rgb } = pdfLibBundle as typeof PdfLib;
