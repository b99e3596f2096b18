// @ts-check
/**
 * The one place that says which Chromium the kit's tools run and with which flags: the
 * test runner, the Storybook check, screenshots, the package check and the bench.
 *
 * Which: $CHROME_PATH when set, else Debian's or Ubuntu's /usr/bin/chromium(-browser), else
 * Google Chrome, else undefined (Playwright's own download, `npx playwright install
 * chromium`, on machines that can fetch it).
 */
import { existsSync } from 'node:fs';

/** @returns {string | undefined} */
export function chromiumPath() {
  if (process.env['CHROME_PATH']) return process.env['CHROME_PATH'];
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (existsSync(p)) return p;
  }
  return undefined;
}

/** Flags that keep a headless Chromium quiet on a closed network (and let it run as root). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Playwright's `chromium.launch()` options for the Chromium above. */
export function chromiumLaunchOptions() {
  const executablePath = chromiumPath();
  return { ...(executablePath ? { executablePath } : {}), headless: true, args: CHROMIUM_FLAGS };
}
