/**
 * Unit tests of the Docs pages' manifest filter and token table (run with
 * `npx tsx --test .storybook/*.test.ts`).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  argTypesFor,
  bindControls,
  eventHandlerName,
  publicManifest,
  type Declaration,
  type Manifest,
} from '../../.storybook/manifest.js';
import { globalTokens, tokenProblems, tokenTableFromMarkdown, tokensFromCss } from '../../.storybook/design-tokens.js';

const element: Declaration = {
  kind: 'class',
  name: 'BillingThing',
  tagName: 'billing-thing',
  customElement: true,
  members: [
    { kind: 'field', name: 'pageSize', attribute: 'page-size', type: { text: 'number' }, default: '10' },
    { kind: 'field', name: 'tab', attribute: 'tab', type: { text: "'a' | 'b'" }, default: "'a'" },
    { kind: 'field', name: 'client', type: { text: 'BillingClient | undefined' } },
    { kind: 'field', name: 'chart', type: { text: 'Chart | undefined' }, readonly: true },
    { kind: 'field', name: 'dialogEl', privacy: 'private' },
    { kind: 'field', name: 'secret', privacy: 'private', attribute: 'secret' },
    { kind: 'field', name: 'billing', privacy: 'protected' },
    { kind: 'field', name: '#abort', privacy: 'private' },
    { kind: 'field', name: '_cache' },
    { kind: 'field', name: 'messages', static: true },
    { kind: 'field', name: 'probe', description: 'For tests. @internal' },
    { kind: 'method', name: 'refresh' },
    { kind: 'method', name: '#load', privacy: 'private' },
  ],
  attributes: [
    { name: 'page-size', fieldName: 'pageSize', type: { text: 'number' }, default: '10', description: 'Per page.' },
    { name: 'tab', fieldName: 'tab', type: { text: "'a' | 'b'" }, default: "'a'" },
    { name: 'secret', fieldName: 'secret' },
  ],
  events: [{ name: 'billing-change', description: 'Changed.' }],
  slots: [{ name: '', description: 'Content.' }],
  cssParts: [{ name: 'tab', description: 'Each tab.' }],
  cssProperties: [{ name: '--billing-thing-height' }, { name: '--_private' }],
};
const manifest: Manifest = {
  schemaVersion: '1.0.0',
  modules: [
    { kind: 'javascript-module', path: 'src/thing.ts', declarations: [element] },
    {
      kind: 'javascript-module',
      path: 'src/internal/events.ts',
      declarations: [
        {
          kind: 'class',
          name: 'BillingChangeEvent',
          members: [{ kind: 'field', name: 'eventName', static: true, default: "'billing-change'" }],
        },
      ],
    },
  ],
};

describe('publicManifest', () => {
  const out = publicManifest(manifest).modules[0]!.declarations![0]!;

  it('keeps public members only', () => {
    assert.deepEqual(
      out.members!.map((m) => m.name),
      ['pageSize', 'tab', 'client', 'chart', 'refresh'],
    );
  });

  it('drops the attribute of a private field, and private custom properties', () => {
    assert.deepEqual(
      out.attributes!.map((a) => a.name),
      ['page-size', 'tab'],
    );
    assert.deepEqual(
      out.cssProperties!.map((p) => p.name),
      ['--billing-thing-height'],
    );
  });

  it('gives events their class', () => {
    assert.deepEqual(out.events![0]!.type, { text: 'BillingChangeEvent' });
  });

  it('leaves the input alone', () => {
    assert.equal(element.members!.length, 13);
    assert.equal(element.events![0]!.type, undefined);
  });

  it('hides every private field of the real manifest', { skip: !safeRead('custom-elements.json') }, () => {
    const real = publicManifest(JSON.parse(safeRead('custom-elements.json')!) as Manifest);
    for (const mod of real.modules) {
      for (const decl of mod.declarations ?? []) {
        for (const m of decl.members ?? []) {
          assert.ok(!m.privacy || m.privacy === 'public', `${decl.name}.${m.name}`);
          assert.ok(!/^[#_]/.test(m.name) && !m.static, `${decl.name}.${m.name}`);
        }
      }
    }
  });
});

describe('argTypesFor', () => {
  const rows = argTypesFor(publicManifest(manifest), 'billing-thing');

  it('has one row per attribute, named like it and keyed by its property', () => {
    assert.equal(rows['pageSize']!.name, 'page-size');
    assert.equal(rows['pageSize']!.table!.category, 'attributes');
    assert.match(rows['pageSize']!.description!, /Property: `pageSize`/);
    assert.ok(!('page-size' in rows));
  });

  it('lists properties without an attribute, events with their class, slots, parts and custom properties', () => {
    assert.equal(rows['client']!.table!.category, 'properties');
    assert.equal(rows['event:billing-change']!.table!.type!.summary, 'BillingChangeEvent');
    assert.equal(rows['onBillingChange']!.action, 'billing-change');
    assert.equal(rows['slot:default']!.name, '(default)');
    // The part `tab` does not replace the attribute `tab`.
    assert.equal(rows['tab']!.table!.category, 'attributes');
    assert.equal(rows['part:tab']!.table!.category, 'css shadow parts');
    assert.equal(rows['part:tab']!.table!.type!.summary, 'billing-thing::part(tab)');
    assert.ok(rows['css:--billing-thing-height']);
  });

  it('lists nothing private, and gives no row a control', () => {
    const names = Object.values(rows).map((r) => r.name);
    for (const hidden of ['dialogEl', 'secret', 'billing', '#abort', '_cache', 'messages', 'probe', '--_private']) {
      assert.ok(!names.includes(hidden), hidden);
    }
    assert.ok(Object.values(rows).every((r) => (r.control && r.control.disable) || r.table?.disable));
  });

  it('knows nothing of an unknown tag', () => {
    assert.deepEqual(argTypesFor(manifest, 'billing-nothing'), {});
  });
});

describe('bindControls', () => {
  const extracted = argTypesFor(publicManifest(manifest), 'billing-thing');

  it('gives controls to the args a story binds, and keeps the attribute names', () => {
    const merged = {
      ...extracted,
      // A story's own argType, as Storybook normalizes it (named after its key).
      pageSize: { ...extracted['pageSize']!, name: 'pageSize', control: { type: 'number', disable: false } },
    };
    const out = bindControls(extracted, merged, { pageSize: 5, tab: 'b', client: {} });
    assert.equal(out['pageSize']!.name, 'page-size');
    assert.deepEqual(out['pageSize']!.control, { type: 'number', disable: false });
    assert.deepEqual(out['tab']!.control, { type: 'inline-radio' });
    assert.deepEqual(out['tab']!.options, ['a', 'b']);
    assert.deepEqual(out['client']!.control, { disable: true });
  });
});

it('eventHandlerName', () => {
  assert.equal(eventHandlerName('billing-update-payment-method'), 'onBillingUpdatePaymentMethod');
});

describe('design tokens', () => {
  const css = `:host { --_text: var(--billing-color-text, light-dark(#fff, #e6e8eb));
    --_radius: var(--billing-radius, 6px); --_font: var(--billing-font-family,inherit); }
    .state { min-height: var(--billing-state-min-height, calc(2 * (1rem + 2px))); color: var(--_text); }`;
  const guide = [
    '| token | what | default |',
    '| --- | --- | --- |',
    '| `--billing-color-text` | text | `#FFFFFF`, `#e6e8eb` |',
    '| `--billing-radius` | corner `radius` | `8px` |',
    "| `--billing-font-family` | the font | `inherit` (your page's) |",
  ].join('\n');

  it('reads names and defaults, light-dark pairs split', () => {
    assert.deepEqual(tokensFromCss(css), [
      { name: '--billing-color-text', light: '#fff', dark: '#e6e8eb' },
      { name: '--billing-radius', light: '6px' },
      { name: '--billing-font-family', light: 'inherit' },
      { name: '--billing-state-min-height', light: 'calc(2 * (1rem + 2px))' },
    ]);
  });

  it('reads meanings from the guide and reports what disagrees', () => {
    assert.equal(tokenTableFromMarkdown(guide).get('--billing-radius')!.meaning, 'corner `radius`');
    const tokens = globalTokens([css], guide);
    assert.deepEqual(tokenProblems(tokens), [
      '--billing-radius: docs/theming.md says 8px, the styles use 6px',
      '--billing-state-min-height is not described in docs/theming.md',
    ]);
  });

  it('agree in the kit (src/internal/tokens.ts and docs/theming.md)', { skip: !safeRead('docs/theming.md') }, () => {
    const source = safeRead('src/internal/tokens.ts')!;
    const tokens = globalTokens([source], safeRead('docs/theming.md')!);
    assert.ok(tokens.length >= 10);
    assert.deepEqual(tokenProblems(tokens), []);
  });
});

function safeRead(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
