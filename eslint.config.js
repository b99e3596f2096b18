// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['lit/directives/unsafe-html.js'], message: 'Data stays text: no unsafeHTML.' }] },
      ],
    },
  },
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
