/**
 * src/elements.ts is the one list of the kit's elements. What cannot read it, because a
 * bundler or the type checker wants it written out, is held to it here, each failure
 * naming the place and what it lacks:
 * - src/components/: one registered element per folder, each module and catalogue present;
 * - src/define/<name>.ts: registers the tag with the class from its module, exports it;
 * - src/define.ts: imports every element's own entry, and nothing else of the kind;
 * - src/index.ts: exports every element's class from its module, and no other element;
 * - package.json: publishes `./define/<name>.js` for each, with side effects declared;
 * - src/i18n/en.ts: the message key type unions each element's catalogue;
 * - the custom-elements manifest (analysed as `npm run manifest` does): each class has its tag;
 * - vite.config.ts: the library build has each element's entry.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { loadConfigFromFile } from 'vite';
import { defineModule, ELEMENTS } from '../../src/elements.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string): string => readFileSync(`${root}${path}`, 'utf8');
/** `components/x/x.js` (as imported) → `src/components/x/x.ts` (the file). */
const source = (module: string): string => `src/${module.replace(/\.js$/, '.ts')}`;
const parse = (path: string, compiler: typeof ts = ts): ts.SourceFile =>
  compiler.createSourceFile(path, read(path), compiler.ScriptTarget.ES2022, true, compiler.ScriptKind.TS);

/** The part of the custom-elements manifest read here. */
interface Manifest {
  modules: { path: string; declarations?: { name: string; tagName?: string; customElement?: boolean }[] }[];
}
/** The analyzer behind `npm run manifest`, with its own TypeScript (its types do not declare `create`). */
const analyzer = (await import('@custom-elements-manifest/analyzer')) as unknown as {
  create(options: { modules: ts.SourceFile[] }): Manifest;
  ts: typeof ts;
};

interface Binding {
  /** The module specifier, as written. */
  from: string;
  /** The names imported or exported (for `import * as x`, `* as x`). */
  names: string[];
  typeOnly: boolean;
}

/** The import and re-export statements of a module. */
function bindings(path: string): { imports: Binding[]; exports: Binding[] } {
  const imports: Binding[] = [];
  const exports: Binding[] = [];
  for (const s of parse(path).statements) {
    if (ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier)) {
      const clause = s.importClause;
      const bound = clause?.namedBindings;
      const names = bound
        ? ts.isNamespaceImport(bound)
          ? [`* as ${bound.name.text}`]
          : bound.elements.map((e) => e.name.text)
        : [];
      if (clause?.name) names.push(clause.name.text);
      imports.push({ from: s.moduleSpecifier.text, names, typeOnly: clause?.isTypeOnly ?? false });
    } else if (ts.isExportDeclaration(s) && s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier)) {
      const names =
        s.exportClause && ts.isNamedExports(s.exportClause) ? s.exportClause.elements.map((e) => e.name.text) : ['*'];
      exports.push({ from: s.moduleSpecifier.text, names, typeOnly: s.isTypeOnly });
    }
  }
  return { imports, exports };
}

const list = (items: Iterable<string>): string => [...items].sort().join(', ') || 'none';

describe('src/elements.ts, the one list of elements', () => {
  it('lists each element once, with its module and catalogue on disk, and every folder of src/components/', () => {
    for (const key of ['tag', 'name', 'className'] as const) {
      const values = ELEMENTS.map((e) => e[key]);
      assert.equal(new Set(values).size, values.length, `src/elements.ts lists a ${key} twice: ${values}`);
    }
    for (const e of ELEMENTS) {
      assert.equal(e.tag, `billing-${e.name}`, `src/elements.ts: <${e.tag}> should be named ${e.tag.slice(8)}`);
      assert.ok(
        existsSync(`${root}${source(e.module)}`),
        `src/elements.ts: <${e.tag}>'s module ${source(e.module)} is missing`,
      );
      if (e.catalogue) {
        assert.ok(
          existsSync(`${root}${source(e.catalogue)}`),
          `src/elements.ts: <${e.tag}>'s catalogue ${source(e.catalogue)} is missing`,
        );
      }
    }
    const folders = readdirSync(`${root}src/components`);
    const listed = new Set(
      ELEMENTS.filter((e) => e.module.startsWith('components/')).map((e) => e.module.split('/')[1]),
    );
    const unlisted = folders.filter((f) => !listed.has(f));
    assert.deepEqual(unlisted, [], `src/components/ has elements that src/elements.ts does not list: ${unlisted}`);
  });

  it('imports no module: reading the list costs no element code', () => {
    assert.deepEqual(bindings('src/elements.ts').imports, [], 'src/elements.ts imports a module');
  });

  it('src/define/<name>.ts registers each element alone, and src/define/ holds nothing else', () => {
    const files = readdirSync(`${root}src/define`).map((f) => `define/${f.replace(/\.ts$/, '')}`);
    const expected = ELEMENTS.map(defineModule);
    assert.deepEqual(
      files.filter((f) => !expected.includes(f)),
      [],
      'src/define/ has entries of elements that src/elements.ts does not list',
    );
    for (const e of ELEMENTS) {
      const path = `src/${defineModule(e)}.ts`;
      assert.ok(existsSync(`${root}${path}`), `${path} is missing (src/elements.ts lists <${e.tag}>)`);
      const { imports, exports } = bindings(path);
      assert.ok(
        imports.some((i) => i.from === `../${e.module}` && i.names.includes(e.className)),
        `${path} does not import ${e.className} from ../${e.module}`,
      );
      assert.match(
        read(path),
        new RegExp(`defineElement\\('${e.tag}', ${e.className}\\)`),
        `${path} does not call defineElement('${e.tag}', ${e.className})`,
      );
      assert.ok(
        read(path).includes(`export { ${e.className} }`) || exports.some((x) => x.names.includes(e.className)),
        `${path} does not export ${e.className}`,
      );
    }
  });

  it("src/define.ts imports every element's own entry", () => {
    const imported = new Set(
      bindings('src/define.ts')
        .imports.map((i) => i.from)
        .filter((f) => f.startsWith('./define/')),
    );
    const expected = new Set(ELEMENTS.map((e) => `./${defineModule(e)}.js`));
    const missing = [...expected].filter((f) => !imported.has(f));
    const extra = [...imported].filter((f) => !expected.has(f));
    assert.deepEqual(missing, [], `src/define.ts does not import ${list(missing)} (listed in src/elements.ts)`);
    assert.deepEqual(extra, [], `src/define.ts imports ${list(extra)}, which src/elements.ts does not list`);
  });

  it("src/index.ts exports every element's class from its module, and no other element", () => {
    const { exports } = bindings('src/index.ts');
    for (const e of ELEMENTS) {
      assert.ok(
        exports.some((x) => x.from === `./${e.module}` && x.names.includes(e.className) && !x.typeOnly),
        `src/index.ts does not export ${e.className} from ./${e.module} (src/elements.ts lists <${e.tag}>)`,
      );
    }
    const modules = new Set(ELEMENTS.map((e) => `./${e.module}`));
    const others = exports.filter((x) => x.from.startsWith('./components/') && !modules.has(x.from)).map((x) => x.from);
    assert.deepEqual(others, [], `src/index.ts exports element modules that src/elements.ts does not list: ${others}`);
  });

  it("package.json publishes each element's entry, with its side effects declared", () => {
    const pkg = JSON.parse(read('package.json')) as {
      exports: Record<string, { types: string; default: string }>;
      sideEffects: string[];
    };
    assert.deepEqual(
      pkg.exports['./define/*.js'],
      { types: './dist/src/define/*.d.ts', default: './dist/src/define/*.js' },
      'package.json exports no "./define/*.js" mapping to dist/src/define/*',
    );
    for (const effect of ['./dist/src/define/*.js', './src/define/*.ts']) {
      assert.ok(pkg.sideEffects.includes(effect), `package.json's sideEffects lacks ${effect}`);
    }
  });

  it("vite.config.ts builds each element's entry", async () => {
    const loaded = await loadConfigFromFile(
      { command: 'build', mode: 'production' },
      `${root}vite.config.ts`,
      root,
      'silent',
    );
    const lib = loaded?.config.build?.lib;
    const entries = lib ? (lib.entry as Record<string, string>) : {};
    for (const e of ELEMENTS) {
      assert.equal(
        entries[`src/${defineModule(e)}`],
        `src/${defineModule(e)}.ts`,
        `vite.config.ts has no entry src/${defineModule(e)}`,
      );
    }
  });

  it("src/i18n/en.ts unions each element's catalogue into the message key type", () => {
    const en = read('src/i18n/en.ts');
    const catalogues = new Map(
      bindings('src/i18n/en.ts')
        .imports.filter((i) => i.typeOnly)
        .map((i) => [i.from, i.names[0]?.replace('* as ', '')] as const),
    );
    for (const e of ELEMENTS) {
      if (!e.catalogue) continue;
      const name = catalogues.get(`../${e.catalogue}`);
      assert.ok(name, `src/i18n/en.ts does not import type * from ../${e.catalogue} (<${e.tag}>'s catalogue)`);
      assert.match(
        en,
        new RegExp(`typeof ${name}\\.en\\b`),
        `src/i18n/en.ts's MessageKey does not union typeof ${name}.en (<${e.tag}>)`,
      );
    }
  });

  it("src/i18n/en.ts also unions every private element's and shared catalogue: a key used anywhere is a MessageKey", () => {
    const en = read('src/i18n/en.ts');
    const imported = new Set(
      bindings('src/i18n/en.ts')
        .imports.filter((i) => i.typeOnly)
        .map((i) => i.from),
    );
    const catalogues = readdirSync(new URL('../../src/', import.meta.url), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.messages\.ts$/.test(f))
      .map((f) => `../${f.replace(/\\/g, '/').replace(/\.ts$/, '.js')}`);
    assert.ok(catalogues.length > ELEMENTS.length, 'no private catalogues found');
    for (const c of catalogues) assert.ok(imported.has(c), `src/i18n/en.ts does not import type * from ${c}`);
    assert.match(en, /type All =/);
  });

  it("the custom-elements manifest gives each element's class its tag, and knows no other public element", async () => {
    // The files `npm run manifest` analyses (custom-elements-manifest.config.mjs).
    const configFile = new URL('../../custom-elements-manifest.config.mjs', import.meta.url).href;
    const config = ((await import(configFile)) as { default: { exclude: string[] } }).default;
    /** A glob of the config as a regular expression (`**` any folders, `*` any name). */
    const glob = (g: string): RegExp =>
      new RegExp(
        `^${g
          .replace(/\./g, '\\.')
          .replace(/\*\*\//g, '\0')
          .replace(/\*/g, '[^/]*')
          .replace(/\0/g, '(.*/)?')}$`,
      );
    const excluded = (f: string): boolean => config.exclude.some((x) => glob(x).test(f));
    const files = readdirSync(`${root}src`, { recursive: true, encoding: 'utf8' })
      .map((f) => `src/${f}`)
      .filter((f) => f.endsWith('.ts') && !excluded(f));
    assert.ok(
      !files.includes('src/client/schema.ts') && files.includes(source(ELEMENTS[0].module)),
      'the manifest files',
    );
    const manifest = analyzer.create({ modules: files.map((f) => parse(f, analyzer.ts)) });
    const declared = new Map<string, { path: string; tagName: string | undefined }>();
    for (const m of manifest.modules) {
      for (const d of m.declarations ?? [])
        if (d.customElement) declared.set(d.name, { path: m.path, tagName: d.tagName });
    }
    for (const e of ELEMENTS) {
      const d = declared.get(e.className);
      assert.ok(
        d,
        `the custom-elements manifest has no element class ${e.className} (src/elements.ts lists <${e.tag}>)`,
      );
      assert.equal(
        d.path,
        source(e.module),
        `the manifest finds ${e.className} in ${d.path}, src/elements.ts in ${source(e.module)}`,
      );
      assert.equal(
        d.tagName,
        e.tag,
        `the manifest gives ${e.className} the tag ${d.tagName}: its JSDoc needs @tagname ${e.tag}`,
      );
    }
    const exported = new Set(bindings('src/index.ts').exports.flatMap((x) => x.names));
    const publicTags = [...declared].filter(([name, d]) => d.tagName && exported.has(name)).map(([, d]) => d.tagName!);
    const unlisted = publicTags.filter((t) => !ELEMENTS.some((e) => e.tag === t));
    assert.deepEqual(unlisted, [], `the manifest has public elements that src/elements.ts does not list: ${unlisted}`);
  });
});
