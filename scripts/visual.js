/**
 * Visual snapshots of the stories: what each story looks like at 1280 and 360 px, light
 * and dark, compared pixel by pixel (pixelmatch) with the baselines in test/visual/, so a
 * layout regression fails the build. Used by scripts/storybook-smoke.js, which opens each
 * story once per language; this takes the pictures on the pages it opened.
 *
 * - A picture is the whole page (`fullPage`), taken once no element is loading
 *   (`aria-busy`) and the page stops changing (two pictures in a row alike), with CSS
 *   animations stopped and the caret hidden; it is kept grey and at half size (`kept`).
 *   A story still loading after 8 s shows its loading state (its request never answers
 *   and has no deadline): its other pictures do not wait for it again.
 * - 360 px is the same render narrowed (as a phone turned, or a window resized): the
 *   elements re-lay themselves out through their resize observers and media queries.
 *   Dark is the same render switched to the dark theme in place, as the toolbar does.
 * - A picture differs when its size differs, or when more than {@link MAX_SHARE} of its
 *   pixels (and at least {@link MIN_PIXELS}) differ beyond anti-aliasing (pixelmatch's
 *   threshold 0.1): a border moved by one pixel across the page is caught, a glyph's
 *   smoothing is not. What differed is written to test-results/visual/ (the picture taken
 *   and the difference in red) for a reader to look at.
 * - `--update-visual` (or UPDATE_VISUAL=1) writes the pictures taken as the new baselines;
 *   a story without a baseline fails until one is written and committed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

export const BASELINES = 'test/visual';
const OUT = 'test-results/visual';
export const WIDTHS = /** @type {const} */ ([1280, 360]);
const HEIGHT = 900;
const MAX_SHARE = 0.0005;
const MIN_PIXELS = 20;
const SETTLE_MS = 8000;

/** True when no element of the page, in any shadow root, is `aria-busy="true"` (loading). */
function noneBusy() {
  const busy = (root) =>
    [...root.querySelectorAll('*')].some(
      (el) => el.getAttribute('aria-busy') === 'true' || (el.shadowRoot !== null && busy(el.shadowRoot)),
    );
  return !busy(document);
}

/**
 * A picture of the page once its elements stopped loading (at most `settle` ms: a story
 * about the loading state stays so) and it stops changing (two pictures 150 ms apart
 * alike, at most about 3 s more). Resolves to the picture and whether the page settled.
 */
async function steadyShot(page, settle) {
  const settled = await page
    // A timeout of 0 would wait forever: 1 ms is "do not wait".
    .waitForFunction(noneBusy, undefined, { timeout: Math.max(settle, 1), polling: 100 })
    .then(() => true)
    .catch(() => false);
  const shot = () => page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide', scale: 'css' });
  let last = await shot();
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(150);
    const next = await shot();
    if (next.equals(last)) return { shot: next, settled };
    last = next;
  }
  return { shot: last, settled };
}

/**
 * A picture as it is kept: grey, at half the size (each pixel the mean of four), so the
 * baselines of every story weigh about 13 MB, not 100. A layout change still shows: a
 * border moved by one pixel changes a line of half-size pixels by half their contrast.
 * A change of hue alone, at the same lightness, does not.
 */
function kept(screenshot) {
  const full = PNG.sync.read(screenshot);
  const width = full.width >> 1;
  const height = full.height >> 1;
  const half = new PNG({ width, height });
  const luma = (i) => 0.299 * full.data[i] + 0.587 * full.data[i + 1] + 0.114 * full.data[i + 2];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (2 * y * full.width + 2 * x) * 4;
      const j = i + full.width * 4;
      const grey = Math.round((luma(i) + luma(i + 4) + luma(j) + luma(j + 4)) / 4);
      const o = (y * width + x) * 4;
      half.data[o] = half.data[o + 1] = half.data[o + 2] = grey;
      half.data[o + 3] = 255;
    }
  }
  return half;
}

/**
 * Compares a picture with its baseline (or writes it as the baseline when updating);
 * returns what differed, or '' when alike.
 */
function compare(name, screenshot, update) {
  const got = kept(screenshot);
  const png = PNG.sync.write(got, { colorType: 0, deflateLevel: 9 });
  const file = join(BASELINES, `${name}.png`);
  if (update) {
    mkdirSync(BASELINES, { recursive: true });
    if (!existsSync(file) || !readFileSync(file).equals(png)) writeFileSync(file, png);
    return '';
  }
  const keep = (suffix, data) => {
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, `${name}.${suffix}.png`), data);
  };
  if (!existsSync(file)) {
    keep('actual', png);
    return `${name}: no baseline (npm run test:visual -- --update-visual writes it)`;
  }
  const want = PNG.sync.read(readFileSync(file));
  if (want.width !== got.width || want.height !== got.height) {
    keep('actual', png);
    return `${name}: ${got.width}×${got.height} px, the baseline is ${want.width}×${want.height}`;
  }
  const diff = new PNG({ width: got.width, height: got.height });
  const changed = pixelmatch(want.data, got.data, diff.data, got.width, got.height, { threshold: 0.1 });
  // The difference at full size in the report (the kept picture is grey and half size).
  if (changed > Math.max(MIN_PIXELS, got.width * got.height * MAX_SHARE)) keep('screenshot', screenshot);
  if (changed <= Math.max(MIN_PIXELS, got.width * got.height * MAX_SHARE)) return '';
  keep('actual', png);
  keep('diff', PNG.sync.write(diff));
  return `${name}: ${changed} pixels differ from the baseline (see ${OUT}/${name}.diff.png)`;
}

/** Switches the story's page to the dark theme in place, as the Storybook toolbar's theme does. */
function toDark() {
  document.documentElement.style.colorScheme = 'dark';
  document.body.style.background = '#14171c';
  for (const p of document.querySelectorAll('billing-provider')) p.setAttribute('theme', 'dark');
}

/**
 * Takes and compares the story's pictures on a page showing it, light, at 1280 px: at
 * 1280 and 360 px, then dark (switched in place) at 360 and 1280 px. The page is left
 * dark at 1280 px. Returns what differed.
 * @param {import('playwright').Page} page
 * @param {string} id the story's id
 * @param {boolean} update
 */
export async function snapshots(page, id, update) {
  const problems = [];
  // A story still loading after the first wait shows its loading state: the other pictures
  // of the same render do not wait again (four waits would take it near the request's deadline).
  let settle = SETTLE_MS;
  const take = async (width, scheme) => {
    await page.setViewportSize({ width, height: HEIGHT });
    const { shot, settled } = await steadyShot(page, settle);
    if (!settled) settle = 0;
    const problem = compare(`${id}.${width}.${scheme}`, shot, update);
    if (problem) problems.push(`visual: ${problem}`);
  };
  await take(WIDTHS[0], 'light');
  await take(WIDTHS[1], 'light');
  await page.evaluate(toDark);
  await take(WIDTHS[1], 'dark');
  await take(WIDTHS[0], 'dark');
  return problems;
}
