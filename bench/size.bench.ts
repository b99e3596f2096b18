/**
 * Bundle sizes, minified and gzipped (issue 8's budgets), built with Vite's `build()` into
 * a temporary folder:
 * - each element's own entry (its class file and the define helper), Lit (`lit`, `@lit/*`)
 *   left out as the host's peer dependency: ≤ 12 kB each
 * - the whole kit (`src/define.ts`) with Lit, without the lazily loaded chart.js chunk:
 *   ≤ 45 kB; and no chart.js module in that graph
 * - the chart element with chart.js (its entry plus the lazily loaded chunk), Lit left
 *   out: ≤ 60 kB
 * A graph's size is the sum of its chunks' gzip sizes (each chunk is a separate file).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';
import { repoRoot } from './browser.js';
import { record } from './harness.js';

const SUITE = 'size';
const LIT = [/^lit($|\/)/, /^@lit\//];

const ELEMENTS = [
  { tag: 'billing-provider', file: 'src/context/billing-provider.ts', className: 'BillingProvider' },
  { tag: 'billing-users-table', file: 'src/components/users-table/users-table.ts', className: 'BillingUsersTable' },
  {
    tag: 'billing-subscription-overview',
    file: 'src/components/subscription-overview/subscription-overview.ts',
    className: 'BillingSubscriptionOverview',
  },
  {
    tag: 'billing-user-count-chart',
    file: 'src/components/user-count-chart/user-count-chart.ts',
    className: 'BillingUserCountChart',
  },
  {
    tag: 'billing-invoice-list',
    file: 'src/components/invoice-list/invoice-list.ts',
    className: 'BillingInvoiceList',
  },
  {
    tag: 'billing-contacts-editor',
    file: 'src/components/contacts-editor/contacts-editor.ts',
    className: 'BillingContactsEditor',
  },
] as const;

interface Graph {
  /** gzip bytes of the entry chunk and the chunks it imports statically. */
  main: number;
  /** gzip bytes of the chunks loaded on demand (dynamic imports). */
  lazy: number;
  /** Module ids in the main graph. */
  mainModules: string[];
  /** Rendered length per module of the main graph (before minifying; for the largest parts). */
  parts: Map<string, number>;
}

const kB = (bytes: number): number => bytes / 1000;

/** Builds `source` as an entry point, minified, and measures its graph. */
async function bundle(dir: string, name: string, source: string, external: RegExp[]): Promise<Graph> {
  const entry = join(dir, `${name}.js`);
  writeFileSync(entry, source);
  const result = await build({
    configFile: false,
    root: repoRoot,
    publicDir: false,
    logLevel: 'silent',
    mode: 'production',
    build: {
      target: 'es2022',
      outDir: join(dir, `out-${name}`),
      emptyOutDir: true,
      sourcemap: false,
      reportCompressedSize: false,
      minify: true,
      // Library mode, as `npm run build`: no preload helper around dynamic imports. Its ES
      // output keeps whitespace unless the output is minified too.
      lib: { entry, formats: ['es'], fileName: name },
      rolldownOptions: { external, output: { minify: true } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunks = new Map<string, Rolldown.OutputChunk>();
  for (const out of outputs) for (const c of out.output) if (c.type === 'chunk') chunks.set(c.fileName, c);
  const main = new Set<string>();
  const visit = (fileName: string): void => {
    if (main.has(fileName) || !chunks.has(fileName)) return;
    main.add(fileName);
    for (const i of chunks.get(fileName)!.imports) visit(i);
  };
  for (const c of chunks.values()) if (c.isEntry) visit(c.fileName);
  const graph: Graph = { main: 0, lazy: 0, mainModules: [], parts: new Map() };
  for (const c of chunks.values()) {
    const size = gzipSync(c.code, { level: 9 }).length;
    if (main.has(c.fileName)) {
      graph.main += size;
      graph.mainModules.push(...c.moduleIds);
      for (const [id, m] of Object.entries(c.modules)) graph.parts.set(id, m.renderedLength);
    } else {
      graph.lazy += size;
    }
  }
  return graph;
}

/** The largest parts of a graph, by their share of its code: "messages 41%, openapi-fetch 9%". */
function largestParts(graph: Graph, count = 4): string {
  const groups = new Map<string, number>();
  for (const [id, length] of graph.parts) {
    const path = id.replace(repoRoot, '').replace(/^\/+/, '');
    const group = path.includes('node_modules/')
      ? path.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, '$1')
      : /\.messages\.ts$/.test(path)
        ? "every element's messages"
        : path;
    groups.set(group, (groups.get(group) ?? 0) + length);
  }
  const total = [...groups.values()].reduce((a, b) => a + b, 0);
  return [...groups]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([g, n]) => `${g} ${Math.round((n / total) * 100)}%`)
    .join(', ');
}

const define = (tag: string, file: string, className: string): string =>
  `import { ${className} } from ${JSON.stringify(join(repoRoot, file))};\n` +
  `import { defineElement } from ${JSON.stringify(join(repoRoot, 'src/internal/define-element.ts'))};\n` +
  `defineElement(${JSON.stringify(tag)}, ${className});\n`;

export async function runSizeBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'billing-elements-size-'));
  try {
    const base = await bundle(
      dir,
      'base',
      `import { BillingElement } from ${JSON.stringify(join(repoRoot, 'src/internal/billing-element.ts'))};\n` +
        `customElements.define('bench-base', class extends BillingElement {});\n`,
      LIT,
    );
    record(SUITE, 'shared base of every element (BillingElement), Lit as peer', kB(base.main), {
      unit: 'kB',
      stat: 'gzip',
      detail: `largest parts: ${largestParts(base)}`,
    });

    for (const e of ELEMENTS) {
      const graph = await bundle(dir, e.tag, define(e.tag, e.file, e.className), LIT);
      record(SUITE, `<${e.tag}> entry, Lit as peer`, kB(graph.main), {
        unit: 'kB',
        stat: 'gzip',
        budget: 12,
        detail: graph.lazy > 0 ? `plus ${kB(graph.lazy).toFixed(1)} kB loaded on demand` : '',
      });
      if (e.tag === 'billing-user-count-chart') {
        record(
          SUITE,
          '<billing-user-count-chart> with chart.js (its lazy chunk), Lit as peer',
          kB(graph.main + graph.lazy),
          {
            unit: 'kB',
            stat: 'gzip',
            budget: 60,
            detail: `entry ${kB(graph.main).toFixed(1)} kB + chart.js chunk ${kB(graph.lazy).toFixed(1)} kB`,
          },
        );
      }
    }

    const kit = await bundle(dir, 'kit', `import ${JSON.stringify(join(repoRoot, 'src/define.ts'))};\n`, []);
    record(SUITE, 'whole kit (define.js) with Lit, without the lazy chart.js chunk', kB(kit.main), {
      unit: 'kB',
      stat: 'gzip',
      budget: 45,
      detail: `chart.js chunk ${kB(kit.lazy).toFixed(1)} kB loaded on demand; largest parts: ${largestParts(kit)}`,
    });
    const chartModules = kit.mainModules.filter((id) => /node_modules\/(chart\.js|@kurkle\/color)\//.test(id));
    record(SUITE, "chart.js modules in the whole kit's main graph", chartModules.length, {
      unit: 'modules',
      stat: 'once',
      budget: 0,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
