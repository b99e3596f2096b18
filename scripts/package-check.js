// @ts-check
/**
 * The package as a host installs it. Builds and packs the kit, installs the tarball into a
 * fresh consumer project (scripts/consumer.js: no path to src/ or mocks/), and checks what
 * a host gets:
 * - publint and arethetypeswrong (esm-only profile) pass on the tarball;
 * - every JavaScript entry in package.json's `exports` imports in Node without throwing
 *   (a server rendering the host's page), and registers nothing there;
 * - the example apps type-check against the shipped declarations and bindings: TypeScript,
 *   React and Angular with `tsc --strict` (each holds an `@ts-expect-error` that only real
 *   types satisfy), Vue with vue-tsc;
 * - the docs' complete example test (docs/testing.md) type-checks under `--strict` and
 *   passes under Node's test runner, from the tarball; docs/embedding.md's element that
 *   consumes the kit's context type-checks under `--strict`;
 * - the examples build with Vite, open in Chromium against the mock backend and show data;
 *   built with VITE_BILLING_MOCK=off they hold no mock.
 *
 *   node scripts/package-check.js            build, pack, install, check
 *   PACKAGE_CHECK_NO_BUILD=1 node …          use the dist/ that is there
 *
 * Prints a line per check and `package: N passed, N failed`; with PACKAGE_SUMMARY_FILE
 * set, writes the counts there as JSON (for scripts/test.js).
 */
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from './chromium.js';
import { consumerDir, installConsumer, packKit, repoRoot, run } from './consumer.js';

/** @type {{ passed: number, failed: number, failures: string[] }} */
const results = { passed: 0, failed: 0, failures: [] };

/**
 * Runs one check and prints its outcome.
 * @param {string} name
 * @param {() => unknown | Promise<unknown>} fn
 */
async function check(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.passed++;
    console.log(`  ✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    results.failed++;
    results.failures.push(`package › ${name}: ${firstLine(error)}`);
    console.log(`  ✗ ${name}\n${String(error instanceof Error ? error.message : error).replace(/^/gm, '      ')}`);
  }
}

/** The first line of an error's message, for the run's closing list of failures. */
function firstLine(error) {
  return String(error instanceof Error ? error.message : error)
    .split('\n')[0]
    .slice(0, 200);
}

/** @param {boolean} ok @param {string} message */
function assert(ok, message) {
  if (!ok) throw new Error(message);
}

const node = process.execPath; // the Node 24 of node_modules/.bin when run through npm
const bin = (name) => join(consumerDir, 'node_modules', '.bin', name);
const inConsumer = { cwd: consumerDir };

/** The package's JavaScript entries, from its `exports` (wildcards expanded from the tarball). */
function codeEntries(pkg) {
  const entries = [];
  for (const [key, target] of Object.entries(pkg.exports)) {
    const file = typeof target === 'string' ? target : target.default;
    if (!file?.endsWith('.js') || key === './mockServiceWorker.js') continue;
    const specifier = `billing-elements${key.slice(1)}`;
    if (!key.includes('*')) {
      entries.push(specifier);
      continue;
    }
    const [dir, suffix] = file.split('*');
    const installed = join(consumerDir, 'node_modules', 'billing-elements', dir);
    for (const f of readdirSync(installed).filter((n) => n.endsWith(suffix)))
      entries.push(specifier.replace('*', f.slice(0, -suffix.length)));
  }
  return entries;
}

/**
 * A folder of the consumer project holding `files` (name → text) as a strict TypeScript
 * project of ES modules, resolved as a host's code is (NodeNext), with `types` its only
 * ambient declarations; returns its path.
 * @param {string} name
 * @param {Record<string, string>} files
 * @param {string[]} types
 * @param {Record<string, unknown>} [options] more compiler options
 */
function docsProject(name, files, types, options = {}) {
  const dir = join(consumerDir, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  const compilerOptions = {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    noEmit: true,
    types,
    ...options,
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['*.ts'] }));
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  return dir;
}

/** The docs' example test and its world, taken from docs/testing.md (one source). */
function extractDocsExample() {
  const md = readFileSync(join(repoRoot, 'docs/testing.md'), 'utf8');
  const blocks = [...md.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], code: m[2] ?? '' }));
  const world = blocks.find((b) => b.lang === 'json' && b.code.includes('"$schema"'));
  const test = blocks.find((b) => b.lang === 'ts' && b.code.startsWith('// billing-flow.test.ts'));
  assert(!!world && !!test, 'docs/testing.md lost its JSON world or its billing-flow.test.ts example');
  return docsProject(
    'docs-example',
    { 'world.json': world?.code ?? '', 'billing-flow.test.ts': test?.code ?? '' },
    ['node'],
    { skipLibCheck: true, allowImportingTsExtensions: true },
  );
}

/** docs/embedding.md's element of a host's own that consumes the kit's context (one source), in a folder of its own. */
function extractContextExample() {
  const md = readFileSync(join(repoRoot, 'docs/embedding.md'), 'utf8');
  const code = [...md.matchAll(/```ts\n([\s\S]*?)```/g)]
    .map((m) => m[1] ?? '')
    .find((c) => c.includes('billingContext'));
  assert(!!code, 'docs/embedding.md lost its example of an element that consumes billingContext');
  return docsProject('docs-context', { 'invite-user.ts': code ?? '' }, []);
}

/** Serves a folder over HTTP on a free loopback port. */
function serve(root) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': types[/** @type {keyof types} */ (extname(file))] ?? 'application/octet-stream',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Every billing element on the page has rendered data (not a skeleton, not an error). */
function pageShowsData() {
  const text = (tag) => document.querySelector(tag)?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const table = document.querySelector('billing-users-table')?.shadowRoot;
  const emails = [...(table?.querySelectorAll('td') ?? [])].filter((td) => td.textContent?.includes('@')).length;
  return (
    emails > 0 &&
    /\d/.test(text('billing-subscription-overview')) &&
    /\d/.test(text('billing-invoice-list')) &&
    /\d/.test(text('billing-user-count-chart')) &&
    text('billing-contacts-editor').length > 20
  );
}

async function main() {
  console.log('\n== The package as a host installs it\n');
  const tarball = packKit({ build: process.env['PACKAGE_CHECK_NO_BUILD'] !== '1' });
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  console.log(`  packed ${tarball.replace(repoRoot, '')} (${(statSync(tarball).size / 1024).toFixed(0)} KiB)`);

  await check('publint: the tarball has no packaging errors or warnings', () => {
    const out = run('npx', ['publint', '--strict', tarball]);
    assert(!/Errors:|Warnings:/.test(out), out);
  });
  await check('arethetypeswrong: every code entry resolves to its types (ESM)', () => {
    const exclude = [
      './openapi.yaml',
      './mockServiceWorker.js',
      './vscode.html-custom-data.json',
      './vscode.css-custom-data.json',
      './web-types.json',
    ];
    const defines = readdirSync(join(repoRoot, 'src/define')).map((f) => `./define/${f.replace(/\.ts$/, '.js')}`);
    run('npx', [
      'attw',
      tarball,
      '--profile',
      'esm-only',
      '--exclude-entrypoints',
      ...exclude,
      '--include-entrypoints',
      ...defines,
    ]);
  });
  await check('the tarball holds the license, the README and declarations, and no tests or sources', () => {
    const files = run('tar', ['-tzf', tarball]).split('\n');
    for (const f of [
      'package/LICENSE',
      'package/README.md',
      'package/dist/src/index.d.ts',
      'package/dist/src/client/schema.d.ts',
    ])
      assert(files.includes(f), `${f} is missing`);
    const stray = files.filter((f) => /^package\/(src|test|stories|bench|scripts)\//.test(f));
    assert(stray.length === 0, `the tarball holds ${stray.slice(0, 5).join(', ')}`);
  });

  console.log('  installing the tarball into a fresh consumer project (.package-check/)…');
  installConsumer(tarball);

  for (const specifier of codeEntries(pkg)) {
    await check(`Node imports ${specifier} without throwing`, () =>
      run(node, ['--input-type=module', '-e', `await import(${JSON.stringify(specifier)});`], inConsumer),
    );
  }
  // Lit's Node build installs a stand-in `customElements`; without a `document` the kit
  // registers nothing in it, and says so.
  await check('in Node, define.js registers nothing and reports it', () => {
    const out = run(
      node,
      [
        '--input-type=module',
        '-e',
        `const { defineElement } = await import('billing-elements/define.js');
         const none = globalThis.customElements?.get('billing-users-table') === undefined;
         console.log(defineElement('billing-x', class {}) === false && none ? 'ok' : 'wrong');`,
      ],
      inConsumer,
    );
    assert(out.trim().endsWith('ok'), out);
  });

  await check(
    'npx billing-elements mock serves the API over HTTP from the tarball, passes npx billing-elements conformance --writes, and SIGTERM ends it',
    async () => {
      const { spawn, spawnSync } = await import('node:child_process');
      const child = spawn(bin('billing-elements'), ['mock', '--port', '0', '--scenario', 'severa-prepaid', '--quiet'], {
        cwd: consumerDir,
        env: { ...process.env, PATH: `${join(node, '..')}:${process.env['PATH']}` },
      });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
      try {
        const url = await new Promise((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no "listening" line after 20 s:\n${output}`)), 20_000);
          child.stdout.on('data', () => {
            const listening = output.split('\n').find((l) => l.includes('"listening"'));
            if (listening) {
              clearTimeout(timer);
              resolve(JSON.parse(listening).url);
            }
          });
          child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
        });
        const me = await fetch(`${url}/me`);
        assert(me.status === 200, `GET /me answered ${me.status}`);
        const licenses = await (await fetch(`${url}/licenses`)).json();
        assert(
          licenses.licenses >= licenses.assigned && licenses.assigned > 0,
          `GET /licenses: ${JSON.stringify(licenses).slice(0, 200)}`,
        );
        // The conformance check from the tarball, against that server, writes included.
        const conformance = spawnSync(
          bin('billing-elements'),
          ['conformance', '--base-url', url, '--writes', '--quiet'],
          {
            cwd: consumerDir,
            env: { ...process.env, PATH: `${join(node, '..')}:${process.env['PATH']}` },
            encoding: 'utf8',
          },
        );
        assert(
          conformance.status === 0,
          `billing-elements conformance exited ${conformance.status}:\n${conformance.stdout}${conformance.stderr}`,
        );
      } finally {
        child.kill('SIGTERM');
      }
      const code = await Promise.race([
        exited,
        new Promise((r) => setTimeout(() => r('still running after 5 s'), 5_000)),
      ]);
      assert(code === 0, `after SIGTERM: ${code}\n${output}`);
    },
  );

  const docs = extractDocsExample();
  await check("docs/testing.md's example test type-checks under --strict", () =>
    run(bin('tsc'), ['-p', join(docs, 'tsconfig.json')], inConsumer),
  );
  await check("docs/testing.md's example test passes under node --test", () =>
    run(node, ['--test', '--test-reporter=dot', join(docs, 'billing-flow.test.ts')], inConsumer),
  );

  await check("docs/embedding.md's element that consumes billingContext type-checks under --strict", () =>
    run(bin('tsc'), ['-p', join(extractContextExample(), 'tsconfig.json')], inConsumer),
  );

  await check('example apps (TypeScript, React, Angular) type-check with tsc --strict against the shipped types', () =>
    run(bin('tsc'), ['-p', 'examples/tsconfig.json'], inConsumer),
  );
  if (existsSync(join(consumerDir, 'examples/vue/tsconfig.json'))) {
    await check('the Vue example type-checks with vue-tsc against the shipped GlobalComponents', () =>
      run(bin('vue-tsc'), ['-p', 'examples/vue/tsconfig.json'], inConsumer),
    );
  }

  // Angular's builder (and many others) bundle with esbuild for the browser: each entry a
  // browser app may import must resolve there (msw/node must never be reached).
  await check('esbuild bundles define.js, the main entry and the browser mock for the browser platform', () => {
    const entry = join(consumerDir, 'esbuild-entry.js');
    writeFileSync(
      entry,
      "import 'billing-elements/define.js';\nimport { BillingClient } from 'billing-elements';\n" +
        "import { createHandlers } from 'billing-elements/mocks';\n" +
        "const { startBrowserMock } = await import('billing-elements/mocks/browser');\n" +
        'console.log(BillingClient, createHandlers, startBrowserMock);\n',
    );
    run(
      join(repoRoot, 'node_modules/.bin/esbuild'),
      [
        entry,
        '--bundle',
        '--platform=browser',
        '--format=esm',
        '--log-level=error',
        `--outdir=${join(consumerDir, 'esbuild-out')}`,
      ],
      inConsumer,
    );
  });

  await check('with VITE_BILLING_MOCK=off, the examples build without the mock backend', () => {
    run(bin('vite'), ['build', '--config', 'examples/vite.config.ts', '--logLevel', 'error'], {
      ...inConsumer,
      env: { ...process.env, VITE_BILLING_MOCK: 'off' },
    });
    const assets = join(consumerDir, 'examples/dist/assets');
    const withMock = readdirSync(assets).filter((f) =>
      /__mock|setupWorker|MockStore/.test(readFileSync(join(assets, f), 'utf8')),
    );
    assert(withMock.length === 0, `the production build holds the mock in ${withMock.join(', ')}`);
  });
  let built = false;
  await check('the examples (HTML, React, Vue, Angular) build with Vite from the installed package', () => {
    run(bin('vite'), ['build', '--config', 'examples/vite.config.ts', '--logLevel', 'error'], inConsumer);
    built = true;
  });

  if (built) {
    const server = /** @type {import('node:http').Server} */ (await serve(join(consumerDir, 'examples/dist')));
    const address = /** @type {import('node:net').AddressInfo} */ (server.address());
    const browser = await chromium.launch(chromiumLaunchOptions());
    try {
      for (const app of ['html', 'react', 'vue', 'angular']) {
        await check(`the ${app} example shows every element's data in Chromium, against the mock`, async () => {
          const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
          const page = await context.newPage();
          const errors = [];
          page.on('pageerror', (e) => errors.push(e.message));
          try {
            await page.goto(`http://127.0.0.1:${address.port}/${app}/index.html`);
            await page.waitForFunction(pageShowsData, null, { timeout: 30_000, polling: 200 }).catch(() => {
              throw new Error(
                `no data on screen after 30 s${errors.length ? `; page errors: ${errors.join('; ')}` : ''}`,
              );
            });
            assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
          } finally {
            await context.close();
          }
        });
      }
    } finally {
      await browser.close();
      server.close();
    }
  }

  console.log(`\npackage: ${results.passed} passed, ${results.failed} failed`);
  if (process.env['PACKAGE_SUMMARY_FILE']) writeFileSync(process.env['PACKAGE_SUMMARY_FILE'], JSON.stringify(results));
  process.exitCode = results.failed > 0 ? 1 : 0;
}

await main().catch((error) => {
  console.error(error);
  results.failed++;
  results.failures.push(`package: stopped: ${firstLine(error)}`);
  if (process.env['PACKAGE_SUMMARY_FILE']) writeFileSync(process.env['PACKAGE_SUMMARY_FILE'], JSON.stringify(results));
  process.exitCode = 1;
});
