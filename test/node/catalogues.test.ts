/**
 * Every catalogue of the kit speaks every language the kit ships, completely: each
 * `*.messages.ts` (and the shared `src/i18n/common.ts`) has a loader per language, and
 * each language has exactly the English keys, with the same `{placeholders}` and, where
 * English has plural forms, plural forms with `other`. The type of the whole catalogue
 * (src/i18n/en.ts) names every module, so a host's `registerLanguage` type-checks against
 * all keys. Found by globbing, so a new catalogue is checked without being listed here.
 */
import assert from 'node:assert/strict';
import { globSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { supportedLanguages } from '../../src/i18n/index.js';
import type { Catalogue, Message } from '../../src/i18n/types.js';

const files = [...globSync('src/**/*.messages.ts'), 'src/i18n/common.ts'].sort();
const LANGUAGES = supportedLanguages.filter((l) => l !== 'en');

const placeholders = (m: Message): string[] =>
  [
    ...new Set(
      (typeof m === 'string' ? [m] : Object.values(m)).flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!)),
    ),
  ].sort();

type Source = Catalogue | (() => Promise<Catalogue>);

async function languagesOf(file: string): Promise<Record<string, Source>> {
  const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  // A module of parts' words gives its catalogue as `messages` (English joined with its owner's languages).
  if (mod['messages'] && typeof mod['messages'] === 'object') return mod['messages'] as Record<string, Source>;
  return Object.fromEntries(Object.entries(mod).filter(([k]) => k === 'en' || LANGUAGES.includes(k))) as Record<
    string,
    Source
  >;
}

describe('catalogues: every language, every key', () => {
  it('finds the catalogues, and the kit ships en, nl and de', () => {
    assert.ok(files.length >= 12, `only ${files.length} catalogues found`);
    assert.deepEqual(supportedLanguages.slice(0, 3), ['en', 'nl', 'de']);
  });

  const kitType = readFileSync('src/i18n/en.ts', 'utf8');
  for (const file of files) {
    it(`${file}: every language has exactly the English keys, placeholders and plural forms`, async () => {
      const languages = await languagesOf(file);
      const en = languages['en'] as Catalogue;
      assert.ok(en && typeof en === 'object', `${file} has no English catalogue`);
      for (const lang of LANGUAGES) {
        const source = languages[lang];
        assert.equal(typeof source, 'function', `${file} has no loader for ${lang}`);
        // A language's chunk may also serve the parts' words (a module exporting `messages`
        // with the same loader): its keys are the English of every module it serves.
        const served: Record<string, Message> = {};
        for (const other of files) {
          const o = await languagesOf(other);
          if (o[lang] === source) Object.assign(served, o['en']);
        }
        const catalogue = await (source as () => Promise<Catalogue>)();
        const missing = Object.keys(en).filter((k) => !(k in catalogue));
        const extra = Object.keys(catalogue).filter((k) => !(k in served));
        assert.deepEqual(missing, [], `${file} (${lang}) lacks keys`);
        assert.deepEqual(extra, [], `${file} (${lang}) has keys English has not`);
        for (const [key, message] of Object.entries(en)) {
          const translated = catalogue[key]!;
          assert.deepEqual(placeholders(translated), placeholders(message), `${file} (${lang}) ${key}: placeholders`);
          if (typeof message !== 'string') {
            assert.equal(typeof translated, 'object', `${file} (${lang}) ${key}: English has plural forms`);
            assert.equal(
              typeof (translated as { other?: string }).other,
              'string',
              `${file} (${lang}) ${key}: no other`,
            );
          }
          assert.notEqual(
            typeof translated === 'string' ? translated.trim() : 'x',
            '',
            `${file} (${lang}) ${key} is empty`,
          );
        }
      }
    });
    if (!file.endsWith('common.ts')) {
      it(`${file} is part of the kit's message type (src/i18n/en.ts)`, () => {
        const module = file.replace(/^src\//, '').replace(/\.ts$/, '.js');
        assert.ok(kitType.includes(module.split('/').slice(-2).join('/')), `en.ts does not import ${module}`);
      });
    }
  }
});
