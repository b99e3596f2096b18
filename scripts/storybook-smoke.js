/**
 * Opens every story of the built Storybook (storybook-static/) in headless Chromium and
 * fails a story when its render or play function threw, when the page logged a
 * JavaScript error, or when no billing element rendered anything (an empty box).
 * Play functions run as part of each story's render.
 *
 *   node scripts/storybook-smoke.js [--dir storybook-static] [--filter users-table]
 *
 * Prints one line per story and ends with `storybook: N passed, N failed`; with
 * SMOKE_SUMMARY_FILE set, writes the counts there as JSON instead (for scripts/test.js).
 */
import { createReadStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const dir = flag('dir', 'storybook-static');
const filter = flag('filter', '');
if (!existsSync(join(dir, 'index.json'))) {
  console.error(`${dir}/index.json not found: run \`npm run build-storybook\` first.`);
  process.exit(2);
}

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  let file = join(dir, path);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());

const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter((e) => e.type === 'story' && e.id.includes(filter));

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});

/** Runs one story; returns the reasons it failed (empty when it passed). */
async function check(story) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // Failed requests are what fault stories are about; JavaScript errors are not.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) {
      problems.push(`console: ${m.text().split('\n')[0].slice(0, 300)}`);
    }
  });
  try {
    await page.goto(`http://127.0.0.1:${port}/iframe.html?id=${story.id}&viewMode=story`, { waitUntil: 'load' });
    const phase = await page
      .waitForFunction(
        () => {
          const p = window.__STORYBOOK_PREVIEW__?.currentRender?.phase;
          return ['finished', 'completed', 'played', 'errored', 'aborted'].includes(p) ? p : undefined;
        },
        undefined,
        { timeout: 30_000, polling: 100 },
      )
      .then((h) => h.jsonValue());
    if (phase === 'errored') problems.push('the story or its play function threw');
    const shown = await page.evaluate(async () => {
      await new Promise((r) => setTimeout(r, 300));
      if (document.body.classList.contains('sb-show-errordisplay')) {
        return `error display: ${document.querySelector('#error-message')?.textContent ?? ''}`;
      }
      const elements = [...document.querySelectorAll('#storybook-root *')].filter(
        (el) => el.localName.startsWith('billing-') && el.localName !== 'billing-provider',
      );
      if (elements.length === 0) return 'no billing element in the story';
      const empty = elements.filter((el) => !el.shadowRoot || el.shadowRoot.children.length === 0);
      return empty.length ? `empty render: ${empty.map((el) => el.localName).join(', ')}` : '';
    });
    if (shown) problems.push(shown);
  } catch (e) {
    problems.push(`did not finish: ${e instanceof Error ? e.message.split('\n')[0] : e}`);
  } finally {
    await context.close();
  }
  return problems;
}

let passed = 0;
let failed = 0;
const queue = [...stories];
async function worker() {
  for (let story = queue.shift(); story; story = queue.shift()) {
    const problems = await check(story);
    if (problems.length === 0) {
      passed++;
      console.log(`  ✓ ${story.title} › ${story.name}`);
    } else {
      failed++;
      console.log(`  ✗ ${story.title} › ${story.name}\n      ${problems.join('\n      ')}`);
    }
  }
}
await Promise.all([worker(), worker()]);
await browser.close();
server.close();

if (process.env.SMOKE_SUMMARY_FILE) {
  writeFileSync(process.env.SMOKE_SUMMARY_FILE, JSON.stringify({ passed, failed, skipped: 0 }));
} else {
  console.log(`\nstorybook: ${passed} passed, ${failed} failed`);
}
process.exitCode = failed > 0 ? 1 : 0;
