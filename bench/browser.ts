/**
 * Headless Chromium and the Vite dev servers the browser benchmarks use.
 *
 * Chromium: the one scripts/chromium.js names (as the tests and the other scripts). Pages are served by Vite's dev server, like `npm start`, but
 * with the `production` export condition, so Lit runs its production build (what a
 * host's users get) instead of its development build with its extra checks.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { createServer, type ViteDevServer } from 'vite';
import { chromiumLaunchOptions } from '../scripts/chromium.js';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions());
}

export interface Served {
  server: ViteDevServer;
  /** The server's address, ending in `/`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Starts a Vite dev server on a free port. `configFile` (e.g. the demo's) is merged with
 * the bench's settings: its own dependency cache (so it never disturbs another dev server's),
 * no file watching, no HMR.
 */
export async function serve(options: { name: string; root?: string; configFile?: string }): Promise<Served> {
  const server = await createServer({
    configFile: options.configFile ?? false,
    ...(options.root ? { root: options.root } : {}),
    publicDir: join(repoRoot, 'public'),
    cacheDir: join(tmpdir(), 'billing-elements-bench', `vite-${options.name}`),
    logLevel: 'error',
    clearScreen: false,
    resolve: { conditions: ['module', 'browser', 'production'] },
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error(`the ${options.name} dev server has no address`);
  return { server, url, close: () => server.close() };
}

/** A page in a fresh context (no service worker, no storage left from an earlier page). */
export async function freshPage(
  browser: Browser,
  viewport = { width: 1280, height: 900 },
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, colorScheme: 'light' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { context, page, errors };
}

/**
 * Evaluates `expression` in the page and awaits it, e.g. `window.usersTable.firstRows()`,
 * failing after `timeoutMs`. (A string rather than a function: tsx would wrap a function's
 * inner functions in a helper the page does not have.)
 */
export async function evaluate<T>(page: Page, expression: string, timeoutMs = 60_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${expression} took over ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([page.evaluate(expression) as Promise<T>, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Opens `path` of `served` in a fresh page and waits until the page says it is ready (`<body data-ready>`). */
export async function openBenchPage(browser: Browser, served: Served, path: string) {
  const fresh = await freshPage(browser);
  await fresh.page.goto(new URL(path, served.url).href);
  await fresh.page.waitForSelector('body[data-ready]', { state: 'attached', timeout: 120_000 });
  return fresh;
}

/** The browser and the dev servers of one bench run. */
export interface BrowserSession {
  browser: Browser;
  /** bench/pages/, with public/ (the mock's service worker) at its root. */
  pages: Served;
  /** The demo, served as `npm start` serves it. */
  demo: Served;
  close(): Promise<void>;
}

export async function openBrowserSession(): Promise<BrowserSession> {
  const started = await Promise.allSettled([
    serve({ name: 'pages', root: join(repoRoot, 'bench/pages') }),
    serve({ name: 'demo', configFile: join(repoRoot, 'demo/vite.config.ts') }),
    launchBrowser(),
  ] as const);
  const [pagesResult, demoResult, browserResult] = started;
  if (pagesResult.status === 'rejected' || demoResult.status === 'rejected' || browserResult.status === 'rejected') {
    // Close what did start, so the run can end.
    await Promise.all([
      pagesResult.status === 'fulfilled' ? pagesResult.value.close() : undefined,
      demoResult.status === 'fulfilled' ? demoResult.value.close() : undefined,
      browserResult.status === 'fulfilled' ? browserResult.value.close() : undefined,
    ]);
    const failed = started.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    throw failed.reason;
  }
  const pages = pagesResult.value;
  const demo = demoResult.value;
  const browser = browserResult.value;
  return {
    browser,
    pages,
    demo,
    async close() {
      await browser.close();
      await Promise.all([pages.close(), demo.close()]);
    },
  };
}
