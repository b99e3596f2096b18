// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Import patterns for every file, whatever its layer. ESLint merges a rule's options per
 * matching config object by replacing them, so every layer's list starts with these.
 */
const EVERYWHERE = [{ group: ['lit/directives/unsafe-html.js'], message: 'Data stays text: no unsafeHTML.' }];

/** src/ never imports mocks/: the published elements work against any backend that keeps the contract. */
const SRC = [
  {
    regex: '^(\\.\\./)+mocks(/|\\.|$)|^billing-elements/(mocks|engine)(/|$)',
    message: 'src/ never imports mocks/: the elements work against any backend that keeps the contract.',
  },
];

/**
 * mocks/ imports src/ for types only: the generated contract types. (typescript-eslint lets
 * a type-only import through as soon as one pattern with `allowTypeImports` matches it,
 * so such patterns name exactly what may be imported as types.)
 */
const MOCKS = [
  {
    regex: '^(\\.\\./)+src/(?!client/schema\\.js$)',
    message: 'mocks/ imports of src/ only the contract types (src/client/schema.ts), as types.',
  },
  {
    regex: '^(\\.\\./)+src/client/schema\\.js$',
    allowTypeImports: true,
    message: 'mocks/ imports the contract types as types only (`import type`).',
  },
];

/**
 * The import restriction made of `EVERYWHERE` and the given pattern lists
 * (`@typescript-eslint/no-restricted-imports`: the built-in rule's options plus
 * `allowTypeImports`, so a layer may allow type-only imports).
 * @param {object[][]} lists
 */
function restrictImports(...lists) {
  return { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [...EVERYWHERE, ...lists.flat()] }] };
}

/**
 * A layer of docs/architecture.md: the files it holds and the imports they may not make.
 * @param {string[]} files
 * @param {object[][]} lists
 */
function layer(files, ...lists) {
  return { files, rules: restrictImports(...lists) };
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'examples/dist/',
      '.package-check/',
      'storybook-static/',
      'public/mockServiceWorker.js',
      'custom-elements.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  wc.configs['flat/recommended'],
  wc.configs['flat/best-practice'],
  lit.configs['flat/recommended'],
  litA11y.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser },
    },
    settings: { wc: { elementBaseClasses: ['LitElement', 'BillingElement'] } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      // LitElement implements every lifecycle callback, so unguarded super calls are safe.
      'wc/guard-super-call': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "AssignmentExpression[left.property.name='innerHTML']",
          message: 'Data stays text: render with Lit templates, never innerHTML.',
        },
      ],
      // Imports are restricted by typescript-eslint's variant of `no-restricted-imports`
      // (same options, plus `allowTypeImports`): see `layer()` above and the layers below.
      'no-restricted-imports': 'off',
      ...restrictImports([]),
    },
  },
  // The layers of docs/architecture.md ("Layers"): what each folder may import.
  layer(['src/**/*.ts'], SRC),
  layer(['src/client/**/*.ts'], SRC, [
    { regex: '^\\.\\./', message: 'src/client/ imports nothing else of the kit: it is the bottom layer.' },
  ]),
  layer(['src/i18n/**/*.ts'], SRC, [
    {
      regex: '^\\.\\./(?!(components/[\\w-]+/[\\w-]+|internal/[\\w-]+)\\.messages\\.js$)',
      message: 'src/i18n/ imports only src/i18n/ (and element catalogues, as types).',
    },
    {
      regex: '^\\.\\./(components/[\\w-]+/[\\w-]+|internal/[\\w-]+)\\.messages\\.js$',
      allowTypeImports: true,
      message: 'src/i18n/ takes element catalogues as types only (`import type`): each element bundles its own.',
    },
  ]),
  layer(['src/context/**/*.ts', 'src/internal/**/*.ts'], SRC, [
    {
      regex: '^\\.\\./(components/|define(/|\\.js$)|index\\.js$)',
      message: 'src/context/ and src/internal/ serve every element: they import no element (components/) nor entry.',
    },
  ]),
  layer(['src/components/*/*.ts'], SRC, [
    {
      // From src/components/<a>/x.ts, `../<b>/…` (or `../../components/<b>/…`) is another element's folder.
      regex: '^\\.\\./([\\w-]|\\.\\./components/)',
      message: "An element imports client, context, i18n, internal and its own folder, never another element's folder.",
    },
    {
      regex: '^\\.\\./\\.\\./(define(/|\\.js$)|index\\.js$)',
      message: 'An element does not import the entries (define/, define.ts, index.ts).',
    },
  ]),
  layer(['mocks/**/*.ts'], MOCKS),
  // Not even the contract types: the engine has its own (mocks/engine/types.ts).
  layer(
    ['mocks/engine/**/*.ts'],
    [
      {
        regex: '^\\.\\./',
        message: 'mocks/engine/ imports mocks/engine/ only: the rules know no store, no HTTP, no handlers, no DOM.',
      },
    ],
  ),
  layer(['mocks/store/**/*.ts'], MOCKS, [
    {
      regex: '^\\.\\./(http|handlers|server|cli|conformance)/',
      message:
        'mocks/store/ knows no HTTP: it imports engine/ and contract types, never http/, handlers/, server/, cli/.',
    },
  ]),
  layer(['mocks/http/**/*.ts'], MOCKS, [
    {
      regex: '^\\.\\./(handlers|server|cli|conformance)/',
      message: 'mocks/http/ imports store/ and engine/, never handlers/ (nor server/, cli/, conformance/).',
    },
  ]),
  {
    // The engine is pure: no DOM, no wall clock.
    files: ['mocks/engine/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'document', 'window', 'fetch', 'localStorage'],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'The engine takes its clock from the world (world.today).',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'The engine is deterministic: use a seeded generator.',
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    languageOptions: { globals: { ...globals.mocha } },
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: ['*.config.{js,ts}', 'scripts/**/*.{js,ts}', 'bench/**/*.ts', '.storybook/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  prettier,
);
