/**
 * Opens every story of the built Storybook (storybook-static/) in headless Chromium and
 * fails a story when its render or play function threw, when the page logged a
 * JavaScript error, or when no billing element rendered anything (an empty box).
 * Play functions run as part of each story's render.
 *
 * Renders every story again in Dutch and German (the toolbar's language) and fails it
 * when a text it showed in English is still there, word for word: numbers, dates,
 * amounts, names from the mock's world, codes and e-mail addresses excepted (see
 * `untranslated`).
 *
 * Opens every Docs page too. An element's page (autodocs) must render its live example and
 * an API table that lists every attribute and event of the element in custom-elements.json
 * (events with their class) and none of its private or protected members. The theming page
 * must list exactly the `--billing-*` tokens that src/internal/tokens.ts reads, each
 * described (docs/theming.md), with no disagreement flagged.
 *
 * Takes each story's visual snapshots (1280 and 360 px, light and dark) and compares them
 * with the baselines in test/visual/ (see scripts/visual.js).
 *
 *   node scripts/storybook-smoke.js [--dir storybook-static] [--filter users-table] [--no-languages]
 *                                   [--no-visual] [--update-visual]
 *
 * Prints one line per story or page and ends with `storybook: N passed, N failed`; with
 * SMOKE_SUMMARY_FILE set, writes the counts there as JSON instead (for scripts/test.js).
 */
import { createReadStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from './chromium.js';
import { snapshots } from './visual.js';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const dir = flag('dir', 'storybook-static');
const filter = flag('filter', '');
/** `--no-languages`: skip the Dutch and German renders that find English left. */
const skipLanguages = args.includes('--no-languages');
/** `--no-visual`: skip the visual snapshots; `--update-visual`: write them as the baselines. */
const visual = !args.includes('--no-visual');
const updateVisual = args.includes('--update-visual') || process.env.UPDATE_VISUAL === '1';
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
const entries = Object.values(index.entries).filter(
  (e) => (e.type === 'story' || e.type === 'docs') && e.id.includes(filter),
);
const storyCount = entries.filter((e) => e.type === 'story').length;

/**
 * What an element's Docs page must and must not list, from the manifest the build used:
 * its attributes and events, and the names of its non-public members.
 */
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
function apiOf(tagName) {
  const decl = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tagName);
  if (!decl) return undefined;
  const isPublic = (m) => (!m.privacy || m.privacy === 'public') && !m.static && !/^[#_]/.test(m.name);
  const publicNames = new Set([
    ...(decl.members ?? []).filter(isPublic).map((m) => m.name),
    ...[decl.attributes, decl.events, decl.slots, decl.cssParts, decl.cssProperties].flatMap((list) =>
      (list ?? []).map((i) => i.name),
    ),
  ]);
  return {
    attributes: (decl.attributes ?? []).map((a) => a.name),
    events: (decl.events ?? []).map((e) => e.name),
    hidden: (decl.members ?? []).filter((m) => !isPublic(m) && !publicNames.has(m.name)).map((m) => m.name),
  };
}

/** The global tokens the kit's styles read (src/internal/tokens.ts), in order. */
const tokenNames = [
  ...new Set(
    [...readFileSync('src/internal/tokens.ts', 'utf8').matchAll(/var\((--billing-[\w-]+)\s*,/g)].map((m) => m[1]),
  ),
];

const browser = await chromium.launch(chromiumLaunchOptions());
/** Pages in their language pass (see `untranslated`). */
const quiet = new WeakSet();

/** Runs one story or Docs page; returns the reasons it failed (empty when it passed). */
async function check(entry) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  const data = recordData(page);
  page.on('pageerror', (e) => quiet.has(page) || problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // Failed requests are what fault stories are about; JavaScript errors are not.
    if (m.type() === 'error' && !quiet.has(page) && !m.text().startsWith('Failed to load resource')) {
      problems.push(`console: ${m.text().split('\n')[0].slice(0, 300)}`);
    }
  });
  try {
    if (entry.type === 'docs') {
      problems.push(...(await checkDocs(page, entry)));
      return problems;
    }
    const story = entry;
    const phase = await openStory(page, story.id);
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
      // An element in another language renders once its catalogue has arrived: on a busy
      // machine that can take a while, so an empty element is given up to 10 s.
      const empty = () => elements.filter((el) => !el.shadowRoot || el.shadowRoot.children.length === 0);
      for (let waited = 0; empty().length > 0 && waited < 10_000; waited += 100) {
        await new Promise((r) => setTimeout(r, 100));
      }
      return empty().length
        ? `empty render: ${empty()
            .map((el) => el.localName)
            .join(', ')}`
        : '';
    });
    if (shown) problems.push(shown);
    if (problems.length === 0) {
      const en = skipLanguages ? undefined : await shownTexts(page);
      if (visual) problems.push(...(await snapshots(page, story.id, updateVisual)));
      if (en) problems.push(...(await untranslated(page, story, data, en)));
    }
  } catch (e) {
    problems.push(`did not finish: ${e instanceof Error ? e.message.split('\n')[0] : e}`);
  } finally {
    await context.close();
  }
  return problems;
}

/**
 * Opens a story (with toolbar globals such as `locale:nl` or `theme:dark`) and waits until
 * it rendered and its play function ran; answers the render's phase.
 */
async function openStory(page, id, globals = '') {
  await page.goto(
    `http://127.0.0.1:${port}/iframe.html?id=${id}&viewMode=story${globals ? `&globals=${globals}` : ''}`,
    { waitUntil: 'load' },
  );
  return page
    .waitForFunction(
      () => {
        const p = window.__STORYBOOK_PREVIEW__?.currentRender?.phase;
        return ['finished', 'completed', 'played', 'errored', 'aborted'].includes(p) ? p : undefined;
      },
      undefined,
      { timeout: 30_000, polling: 100 },
    )
    .then((h) => h.jsonValue());
}

/**
 * What a story shows a reader: its text nodes and the labels a screen reader says
 * (`aria-label`, `title`, `placeholder`, `alt`), from every shadow root, visible or in a
 * select's options; each whitespace-collapsed. Also the provider's language and the
 * names in the mock's world (people, plans, companies, addresses, invoice numbers), which
 * are the same in every language.
 */
async function shownTexts(page) {
  return page.evaluate(async () => {
    await new Promise((r) => setTimeout(r, 500));
    const texts = new Set();
    const add = (t) => {
      const s = (t ?? '').replace(/\s+/g, ' ').trim();
      if (s) texts.add(s);
    };
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) walk(el.shadowRoot);
        if (['STYLE', 'SCRIPT', 'TEMPLATE'].includes(el.tagName)) continue;
        for (const a of ['aria-label', 'title', 'placeholder', 'alt']) if (el.hasAttribute(a)) add(el.getAttribute(a));
        const visible = el.tagName === 'OPTION' || (el.checkVisibility?.() ?? true);
        if (!visible) continue;
        for (const n of el.childNodes) if (n.nodeType === Node.TEXT_NODE) add(n.textContent);
      }
    };
    const root = document.querySelector('#storybook-root');
    walk(root);
    // The language the story is shown in: the toolbar's, on the outer provider, unless a
    // provider or an element inside names its own (then it is '', and not compared).
    const langs = new Set(
      [...root.querySelectorAll('billing-provider, [lang]')].map((el) => el.getAttribute('lang') ?? ''),
    );
    const lang = langs.size === 1 ? [...langs][0] : '';
    // Month names are dates: German writes "November 2026" as English does.
    const calendar = [];
    for (const l of ['en', lang].filter(Boolean)) {
      for (let m = 0; m < 12; m++) {
        for (const month of ['long', 'short']) {
          calendar.push(new Intl.DateTimeFormat(l, { month, timeZone: 'UTC' }).format(Date.UTC(2026, m, 15)));
        }
      }
    }
    // So are country names (Intl's own): Malta, Portugal, Finland.
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (const l of ['en', lang].filter(Boolean)) {
      const regions = new Intl.DisplayNames([l], { type: 'region', fallback: 'none' });
      for (const a of letters) for (const b of letters) calendar.push(regions.of(a + b) ?? '');
    }
    return { texts: [...texts], lang, calendar: calendar.filter(Boolean) };
  });
}

/**
 * The strings in the billing API's JSON answers a page received (names of people, plans
 * and companies, addresses, invoice numbers): data, the same in every language.
 */
function recordData(page) {
  const names = new Set();
  page.on('response', async (response) => {
    if (!response.url().includes('/api/billing/') || !(response.headers()['content-type'] ?? '').includes('json'))
      return;
    try {
      (function collect(v) {
        if (typeof v === 'string') {
          if (/[A-Z0-9@ ]/.test(v) && v.length > 1) names.add(v);
        } else if (v && typeof v === 'object') for (const x of Object.values(v)) collect(x);
      })(await response.json());
    } catch {
      // A body that cannot be read (a redirect, a page closed meanwhile) names nothing.
    }
  });
  return names;
}

/**
 * Words that are the same in English and the language (a shared loanword or symbol), so
 * a text made only of them is not untranslated.
 */
const BRANDS = ['People', 'Workplace', 'Severa', 'Microsoft', 'SEPA', 'Visa', 'Mastercard', 'IBAN', 'PDF', 'CSV'];
/** Typed by the stories' play functions (a city), so in no API answer. */
const TYPED = ['Leeds'];
const SAME = {
  nl: [...BRANDS, ...TYPED, 'Status', 'PO', 'Team', 'E-mail', 'Account', 'Open'],
  de: [...BRANDS, ...TYPED, 'Status', 'PO', 'Team', 'Name', 'Details', 'Edition'],
};

/**
 * The story's texts that stay English in Dutch and German: rendered again with the
 * toolbar's language, every text also shown in the English render is untranslated unless
 * it is a number, date or amount, a name from the world, a code, or a word the languages
 * share. (Stories that set their own language are not compared.)
 */
async function untranslated(page, story, data, en) {
  if (en.lang !== 'en') return [];
  const english = new Set(en.texts);
  const problems = [];
  quiet.add(page); // the story's play function may look for English words: not this check's business
  for (const lang of ['nl', 'de']) {
    // A fresh render in the language (switching in place would keep what the story's
    // play function left on screen in English).
    await openStory(page, story.id, `locale:${lang}`);
    const shown = await shownTexts(page);
    // A provider or an element inside names its own language (a story about that): not compared.
    if (shown.lang === '') continue;
    if (shown.lang !== lang) {
      problems.push(`${lang}: the story did not switch to ${lang} (it shows lang="${shown.lang}")`);
      continue;
    }
    const names = [...data].sort((a, b) => b.length - a.length);
    const same = new Set([...SAME[lang], ...shown.calendar]);
    const left = shown.texts.filter((t) => {
      if (!english.has(t)) return false;
      let rest = t;
      for (const n of names) rest = rest.split(n).join(' ');
      for (const c of shown.calendar) rest = rest.split(c).join(' ');
      // Codes (INV-2026-0003, wfm-employees), e-mail addresses, then numbers and symbols.
      const words = rest
        .replace(/\S+@\S+/g, ' ')
        .split(/[^\p{L}'’-]+/u)
        .filter((w) => /\p{L}{3,}/u.test(w) && !/^[\p{Lu}\d-]+$/u.test(w) && !/^[a-z]+(-[a-z]+)+$/.test(w));
      return words.length > 0 && !words.every((w) => same.has(w));
    });
    if (left.length)
      problems.push(`${lang}: English left: ${left.map((t) => JSON.stringify(t.slice(0, 80))).join(', ')}`);
  }
  return problems;
}

/** Opens a Docs page and checks what it lists (see the comment at the top). */
async function checkDocs(page, entry) {
  const problems = [];
  await page.goto(`http://127.0.0.1:${port}/iframe.html?id=${entry.id}&viewMode=docs`, { waitUntil: 'load' });
  await page.waitForSelector('#storybook-docs .sbdocs-content h1', { timeout: 30_000 });
  if (entry.tags?.includes('autodocs') && !entry.tags.some((t) => t.endsWith('-mdx'))) {
    // An element's page: its tag, the live example, and the API table once it has rows.
    const tagName = await page
      .waitForSelector('[data-element-tag]', { timeout: 10_000 })
      .then((h) => h.getAttribute('data-element-tag'));
    await page.waitForSelector('.docblock-argstable tbody tr td:nth-child(2)', { timeout: 30_000 });
    const { rows, example } = await page.evaluate(async (tag) => {
      await new Promise((r) => setTimeout(r, 300));
      const rows = [...document.querySelectorAll('.docblock-argstable tbody tr')]
        .filter((tr) => tr.children.length > 1)
        .map((tr) => ({ name: tr.children[0].textContent.trim(), text: tr.textContent }));
      const shown = [...document.querySelectorAll('#storybook-docs .docs-story *')].filter(
        (el) => el.localName === tag || (el.localName.startsWith('billing-') && el.localName !== 'billing-provider'),
      );
      const example =
        shown.length === 0
          ? 'no live example'
          : shown.some((el) => el.shadowRoot?.children.length)
            ? ''
            : 'empty example';
      return { rows, example };
    }, tagName);
    if (example) problems.push(example);
    const api = apiOf(tagName);
    if (!api) return [...problems, `${tagName} is not in custom-elements.json`];
    const names = new Set(rows.map((r) => r.name));
    const missing = [...api.attributes, ...api.events].filter((n) => !names.has(n));
    if (missing.length) problems.push(`API table lacks ${missing.join(', ')}`);
    const untyped = api.events.filter((n) => !rows.some((r) => r.name === n && /Billing\w*Event/.test(r.text)));
    if (untyped.length) problems.push(`events without their class: ${untyped.join(', ')}`);
    const leaked = rows.map((r) => r.name).filter((n) => /^[#_]/.test(n) || api.hidden.includes(n));
    if (leaked.length) problems.push(`API table shows private members: ${leaked.join(', ')}`);
  }
  const tokenRows = await page.$$eval('[data-token]', (trs) =>
    trs.map((tr) => ({ name: tr.getAttribute('data-token'), described: !tr.querySelector('td:nth-child(2) em') })),
  );
  if (tokenRows.length > 0 || entry.title === 'Guides/Theming') {
    const listed = tokenRows.map((r) => r.name);
    if (listed.join() !== tokenNames.join()) {
      problems.push(
        `token table lists ${listed.join(', ') || 'nothing'}; src/internal/tokens.ts reads ${tokenNames.join(', ')}`,
      );
    }
    const flagged = await page.$eval('[data-token-problems]', (el) => el.textContent).catch(() => '');
    if (flagged) problems.push(flagged);
  }
  return problems;
}

let passed = 0;
let failed = 0;
/** @type {string[]} */
const failures = [];
const queue = [...entries];
async function worker() {
  for (let entry = queue.shift(); entry; entry = queue.shift()) {
    const problems = await check(entry);
    if (problems.length === 0) {
      passed++;
      console.log(`  ✓ ${entry.title} › ${entry.name}`);
    } else {
      failed++;
      failures.push(`storybook › ${entry.title} › ${entry.name}: ${problems[0].split('\n')[0].slice(0, 200)}`);
      console.log(`  ✗ ${entry.title} › ${entry.name}\n      ${problems.join('\n      ')}`);
    }
  }
}
await Promise.all([worker(), worker()]);
await browser.close();
server.close();

if (process.env.SMOKE_SUMMARY_FILE) {
  writeFileSync(process.env.SMOKE_SUMMARY_FILE, JSON.stringify({ passed, failed, skipped: 0, failures }));
} else {
  console.log(`\n${storyCount} stories, ${entries.length - storyCount} docs pages`);
  console.log(`storybook: ${passed} passed, ${failed} failed`);
}
process.exitCode = failed > 0 ? 1 : 0;
