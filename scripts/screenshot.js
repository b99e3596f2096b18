/**
 * Takes a screenshot of a page in headless Chromium, to look at what a user sees.
 *   node scripts/screenshot.js <url> <out.png> [--width 360] [--height 900] [--dark] [--full]
 * Waits for the network to go quiet and then 500 ms more.
 */
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from './chromium.js';

const [url, out, ...rest] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: node scripts/screenshot.js <url> <out.png> [--width N] [--height N] [--dark] [--full]');
  process.exit(2);
}
const opt = (name, fallback) => {
  const i = rest.indexOf(`--${name}`);
  return i >= 0 ? Number(rest[i + 1]) : fallback;
};
const browser = await chromium.launch(chromiumLaunchOptions());
const page = await browser.newPage({
  viewport: { width: opt('width', 1440), height: opt('height', 900) },
  colorScheme: rest.includes('--dark') ? 'dark' : 'light',
});
page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
page.on('pageerror', (e) => console.error('pageerror:', e.message));
await page.goto(url, { waitUntil: 'networkidle' });
await page.waitForTimeout(500);
await page.screenshot({ path: out, fullPage: rest.includes('--full') });
await browser.close();
console.log(`saved ${out}`);
