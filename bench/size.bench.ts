/**
 * Bundle sizes, minified and gzipped, of the kit **as a host installs it**: `npm run build`,
 * `npm pack`, the tarball installed into a fresh consumer project (scripts/consumer.js,
 * `.package-check/`), and each case built there by Vite as a host's app build would, from
 * `billing-elements` specifiers (no path into src/):
 * - each element as a host imports only it, two ways: from the main entry
 *   (`import { BillingUsersTable, defineElement } from 'billing-elements'`, tree-shaken) and
 *   from its own entry (`import 'billing-elements/define/users-table.js'`); Lit (`lit`,
 *   `@lit/*`) left out as the host's peer dependency: ≤ 12 kB each
 * - the whole kit without the chart (`billing-elements/define.js` with the chart element's
 *   module left out) with Lit: ≤ 45 kB; the whole kit with the chart is printed too, and
 *   must hold no chart.js module in its main graph (chart.js loads when a chart first draws)
 * - the chart element with chart.js (its entry plus the lazily loaded chunk), Lit left
 *   out: ≤ 60 kB
 * A graph's size is the sum of its chunks' gzip sizes (each chunk is a separate file).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin, type Rolldown } from 'vite';
import { consumerDir, installConsumer, packKit } from '../scripts/consumer.js';
import { defineModule, ELEMENTS, type ElementEntry, type ElementTag } from '../src/elements.js';
import { record } from './harness.js';

const SUITE = 'size';
const LIT = [/^lit($|\/)/, /^@lit\//];
/** The installed package, inside the consumer project. */
const installed = join(consumerDir, 'node_modules', 'billing-elements');

/**
 * The kit's elements (src/elements.ts), each as the installed package must publish it: its
 * own entry (`dist/src/define/<name>.js`) registering its tag and exporting its class.
 */
function elements(): readonly ElementEntry[] {
  for (const e of ELEMENTS) {
    const file = join(installed, 'dist/src', `${defineModule(e)}.js`);
    const code = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (!code.includes(`defineElement(${JSON.stringify(e.tag)}`) || !new RegExp(`\\b${e.className}\\b`).test(code)) {
      throw new Error(`the package has no ${defineModule(e)}.js that defines <${e.tag}> and exports ${e.className}`);
    }
  }
  return ELEMENTS;
}

interface Graph {
  /** gzip bytes of the entry chunk and the chunks it imports statically. */
  main: number;
  /** gzip bytes of the chunks loaded on demand (dynamic imports). */
  lazy: number;
  /**
   * The same, by what they hold: `chart.js`; `languages` (catalogues other than English);
   * `session without a provider` (the client and session an element loads when it is used
   * on its own: under a provider, the provider has them); `parts opened by a click`.
   */
  lazyKinds: Map<string, number>;
  /** Module ids in the main graph. */
  mainModules: string[];
  /** Rendered length per module of the main graph (before minifying; for the largest parts). */
  parts: Map<string, number>;
}

const kB = (bytes: number): number => bytes / 1000;

/** Builds `source` as an entry point, minified, and measures its graph. */
async function bundle(
  dir: string,
  name: string,
  source: string,
  external: RegExp[],
  plugins: Plugin[] = [],
): Promise<Graph> {
  const entry = join(dir, `${name}.js`);
  writeFileSync(entry, source);
  const result = await build({
    configFile: false,
    root: consumerDir,
    publicDir: false,
    logLevel: 'silent',
    mode: 'production',
    plugins,
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
      rolldownOptions: {
        external,
        // As a host's application build: a module that the entry and a part loaded on
        // demand share stays in the entry's chunk (library mode's 'strict' signatures
        // would split it into a chunk of its own, which no host's bundle has).
        preserveEntrySignatures: 'allow-extension',
        output: { minify: true },
      },
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
  const graph: Graph = { main: 0, lazy: 0, lazyKinds: new Map(), mainModules: [], parts: new Map() };
  for (const c of chunks.values()) {
    const size = gzipSync(c.code, { level: 9 }).length;
    if (main.has(c.fileName)) {
      graph.main += size;
      graph.mainModules.push(...c.moduleIds);
      for (const [id, m] of Object.entries(c.modules)) graph.parts.set(id, m.renderedLength);
    } else {
      graph.lazy += size;
      const kind = c.moduleIds.some((id) => id.includes('/node_modules/chart.js/'))
        ? 'chart.js'
        : c.moduleIds.every((id) => /\.nl\.js$/.test(id))
          ? 'languages'
          : c.moduleIds.some((id) => id.endsWith('/dist/src/context/session.js'))
            ? 'session without a provider'
            : 'parts opened by a click';
      graph.lazyKinds.set(kind, (graph.lazyKinds.get(kind) ?? 0) + size);
    }
  }
  return graph;
}

/** The largest parts of a graph, by their share of its code: "src/client/client.ts 30%, src/internal/tokens.ts 17%". */
function largestParts(graph: Graph, count = 4): string {
  const groups = new Map<string, number>();
  for (const [id, length] of graph.parts) {
    const path = id.replace(`${installed}/dist/`, '');
    const group = path.includes('node_modules/')
      ? path.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, '$1')
      : /\.messages\.js$/.test(path)
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

const CHART_TAG: ElementTag = 'billing-user-count-chart';

/** A graph's exact size, and what it loads on demand by kind: "11,810 B; plus 2.0 kB on demand (languages 2.0 kB)". */
function onDemand(graph: Graph): string {
  const lazy = lazyPart(graph);
  return `${graph.main.toLocaleString('en')} B${lazy ? `; ${lazy}` : ''}`;
}

function lazyPart(graph: Graph): string {
  if (graph.lazy === 0) return '';
  const kinds = [...graph.lazyKinds].map(([kind, n]) => `${kind} ${kB(n).toFixed(1)} kB`).join(', ');
  return `plus ${kB(graph.lazy).toFixed(1)} kB on demand (${kinds})`;
}

/** Replaces the installed package's module of the class `className` by an empty element class. */
function stubElement(className: string): Plugin {
  return {
    name: 'bench-stub-element',
    enforce: 'pre',
    load(id) {
      if (!id.startsWith(join(installed, 'dist/src/components/'))) return null;
      const code = readFileSync(id, 'utf8');
      if (!new RegExp(`^export \\{[^}]*\\b${className}\\b`, 'm').test(code)) return null;
      return `export class ${className} extends HTMLElement {}\n`;
    },
  };
}

/** An element as a host imports only it: from the package's main entry (tree-shaken), then defined. */
const fromMainEntry = (tag: string, className: string): string =>
  `import { ${className}, defineElement } from 'billing-elements';\n` +
  `defineElement(${JSON.stringify(tag)}, ${className});\n`;

/** An element as a host imports only it: its own entry, which defines it. */
const fromOwnEntry = (name: string): string => `import 'billing-elements/define/${name}.js';\n`;

export async function runSizeBench(): Promise<void> {
  // The kit as a host receives it: built, packed, installed into a fresh project.
  installConsumer(packKit());
  const dir = join(consumerDir, 'size');
  mkdirSync(dir, { recursive: true });
  try {
    const base = await bundle(
      dir,
      'base',
      `import { BillingElement } from 'billing-elements';\n` +
        `customElements.define('bench-base', class extends BillingElement {});\n`,
      LIT,
    );
    record(SUITE, 'shared base of every element (BillingElement), Lit as peer', kB(base.main), {
      unit: 'kB',
      stat: 'gzip',
      detail: `largest parts: ${largestParts(base)}`,
    });

    const list = elements();
    for (const e of list) {
      const graph = await bundle(dir, e.tag, fromMainEntry(e.tag, e.className), LIT);
      record(SUITE, `<${e.tag}> from the main entry, Lit as peer`, kB(graph.main), {
        unit: 'kB',
        stat: 'gzip',
        budget: 12,
        detail: onDemand(graph),
      });
      const own = await bundle(dir, `${e.tag}-own`, fromOwnEntry(e.name), LIT);
      record(SUITE, `<${e.tag}> from billing-elements/define/${e.name}.js, Lit as peer`, kB(own.main), {
        unit: 'kB',
        stat: 'gzip',
        budget: 12,
        detail: onDemand(own),
      });
      if (e.tag === CHART_TAG) {
        const chartJs = graph.lazyKinds.get('chart.js') ?? 0;
        record(SUITE, `<${CHART_TAG}> with chart.js (its lazy chunk), Lit as peer`, kB(graph.main + chartJs), {
          unit: 'kB',
          stat: 'gzip',
          budget: 60,
          detail: `entry ${kB(graph.main).toFixed(1)} kB + chart.js chunk ${kB(chartJs).toFixed(1)} kB`,
        });
      }
    }

    // The whole kit as `import 'billing-elements/define.js'` gives it, Lit bundled in. The
    // budget is for the kit without the chart (which has its own budget, with chart.js):
    // the same define.js with the chart's class replaced by an empty element.
    const chart = list.find((e) => e.tag === CHART_TAG)!;
    const defineAll = `import 'billing-elements/define.js';\n`;
    const withoutChart = await bundle(dir, 'kit-without-chart', defineAll, [], [stubElement(chart.className)]);
    record(SUITE, 'whole kit without the chart (define.js), with Lit', kB(withoutChart.main), {
      unit: 'kB',
      stat: 'gzip',
      budget: 45,
      detail: `${onDemand(withoutChart)}; largest parts: ${largestParts(withoutChart)}`,
    });
    const kit = await bundle(dir, 'kit', defineAll, []);
    record(SUITE, 'whole kit with the chart (define.js), with Lit, chart.js loaded on demand', kB(kit.main), {
      unit: 'kB',
      stat: 'gzip',
      detail: onDemand(kit),
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
