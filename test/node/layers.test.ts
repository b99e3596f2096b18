/**
 * The layers of docs/architecture.md are enforced by lint (eslint.config.js): each row
 * lints one import written in a file of a layer (the file need not exist) and expects
 * `@typescript-eslint/no-restricted-imports` to report it, or not. Every rule has a row
 * that it must report and a neighbouring import it must let through, so a rule that stops
 * biting, or bites too much, fails here.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

const root = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd: root, overrideConfigFile: `${root}eslint.config.js` });
const RULE = '@typescript-eslint/no-restricted-imports';

interface Row {
  /** The file the import is written in (relative to the repository). */
  file: string;
  /** The import statement. */
  code: string;
  /** Whether the layers forbid it. */
  forbidden: boolean;
}

const rows: Row[] = [
  // Everywhere: no unsafeHTML.
  { file: 'src/internal/x.ts', code: `import { unsafeHTML } from 'lit/directives/unsafe-html.js';`, forbidden: true },
  { file: 'mocks/engine/x.ts', code: `import { unsafeHTML } from 'lit/directives/unsafe-html.js';`, forbidden: true },
  { file: 'src/internal/x.ts', code: `import { html } from 'lit';`, forbidden: false },

  // src/ never imports mocks/, by a relative path or the package's own mocks entries.
  { file: 'src/components/users-table/x.ts', code: `import { a } from '../../../mocks/index.js';`, forbidden: true },
  {
    file: 'src/components/users-table/x.ts',
    code: `import type { A } from '../../../mocks/engine/types.js';`,
    forbidden: true,
  },
  { file: 'src/define.ts', code: `import { a } from '../mocks/browser.js';`, forbidden: true },
  { file: 'src/index.ts', code: `export { a } from 'billing-elements/mocks';`, forbidden: true },
  { file: 'src/context/x.ts', code: `import { a } from 'billing-elements/engine';`, forbidden: true },
  {
    file: 'src/define/users-table.ts',
    code: `import { a } from '../components/users-table/users-table.js';`,
    forbidden: false,
  },
  { file: 'src/index.ts', code: `export { a } from './internal/format.js';`, forbidden: false },

  // src/client/ imports nothing else of the kit.
  { file: 'src/client/x.ts', code: `import { a } from '../internal/format.js';`, forbidden: true },
  { file: 'src/client/x.ts', code: `import type { A } from '../context/context.js';`, forbidden: true },
  { file: 'src/client/x.ts', code: `import type { paths } from './schema.js';`, forbidden: false },

  // src/i18n/ imports i18n only, and element catalogues as types.
  { file: 'src/i18n/x.ts', code: `import { a } from '../internal/format.js';`, forbidden: true },
  { file: 'src/i18n/x.ts', code: `import type { A } from '../internal/format.js';`, forbidden: true },
  {
    file: 'src/i18n/x.ts',
    code: `import type { A } from '../components/users-table/users-table.js';`,
    forbidden: true,
  },
  {
    file: 'src/i18n/x.ts',
    code: `import * as t from '../components/users-table/users-table.messages.js';`,
    forbidden: true,
  },
  {
    file: 'src/i18n/x.ts',
    code: `import type * as t from '../components/users-table/users-table.messages.js';`,
    forbidden: false,
  },
  { file: 'src/i18n/x.ts', code: `import type * as e from '../internal/error-details.messages.js';`, forbidden: false },
  { file: 'src/i18n/x.ts', code: `import { a } from './common.js';`, forbidden: false },

  // src/context/ and src/internal/ import no element and no entry.
  {
    file: 'src/internal/x.ts',
    code: `import { a } from '../components/invoice-list/invoice-list.js';`,
    forbidden: true,
  },
  { file: 'src/context/x.ts', code: `import { a } from '../define.js';`, forbidden: true },
  { file: 'src/internal/x.ts', code: `import { a } from '../client/client.js';`, forbidden: false },
  { file: 'src/context/x.ts', code: `import { a } from '../internal/events.js';`, forbidden: false },

  // src/components/<a>/ imports its own folder, never another element's.
  { file: 'src/components/users-table/x.ts', code: `import { a } from '../invoice-list/y.js';`, forbidden: true },
  {
    file: 'src/components/users-table/x.ts',
    code: `import { a } from '../../components/invoice-list/y.js';`,
    forbidden: true,
  },
  { file: 'src/components/users-table/x.ts', code: `import { a } from '../../define/provider.js';`, forbidden: true },
  { file: 'src/components/users-table/x.ts', code: `import { a } from './users-table.styles.js';`, forbidden: false },
  { file: 'src/components/users-table/x.ts', code: `import { a } from '../../internal/query.js';`, forbidden: false },

  // mocks/ imports src/ for types only.
  { file: 'mocks/store/x.ts', code: `import { a } from '../../src/client/client.js';`, forbidden: true },
  { file: 'mocks/store/x.ts', code: `import type { A } from '../../src/internal/format.js';`, forbidden: true },
  { file: 'mocks/store/x.ts', code: `import type { components } from '../../src/client/schema.js';`, forbidden: false },

  // mocks/engine/ imports mocks/engine/ only.
  { file: 'mocks/engine/x.ts', code: `import { a } from '../store/store.js';`, forbidden: true },
  { file: 'mocks/engine/x.ts', code: `import { a } from '../http/route.js';`, forbidden: true },
  { file: 'mocks/engine/x.ts', code: `import { a } from '../scenarios/index.js';`, forbidden: true },
  { file: 'mocks/engine/x.ts', code: `import type { A } from '../../src/client/schema.js';`, forbidden: true },
  { file: 'mocks/engine/x.ts', code: `import { a } from './dates.js';`, forbidden: false },

  // mocks/store/ knows no HTTP.
  { file: 'mocks/store/x.ts', code: `import { a } from '../http/problem.js';`, forbidden: true },
  { file: 'mocks/store/x.ts', code: `import { a } from '../handlers/index.js';`, forbidden: true },
  { file: 'mocks/store/x.ts', code: `import { a } from '../server/index.js';`, forbidden: true },
  { file: 'mocks/store/x.ts', code: `import { a } from '../cli/index.js';`, forbidden: true },
  { file: 'mocks/store/x.ts', code: `import { a } from '../engine/dates.js';`, forbidden: false },

  // mocks/http/ imports store and engine, never the handlers.
  { file: 'mocks/http/x.ts', code: `import { a } from '../handlers/users.js';`, forbidden: true },
  { file: 'mocks/http/x.ts', code: `import { a } from '../store/store.js';`, forbidden: false },
  { file: 'mocks/handlers/x.ts', code: `import { a } from '../http/route.js';`, forbidden: false },
];

describe('the layers are enforced by lint', () => {
  for (const { file, code, forbidden } of rows) {
    it(`${forbidden ? 'forbids' : 'allows'} in ${file}: ${code}`, async () => {
      const [result] = await eslint.lintText(`${code}\nexport const used = [];\n`, { filePath: `${root}${file}` });
      const messages = result!.messages;
      const fatal = messages.filter((m) => m.fatal);
      assert.deepEqual(fatal, [], 'the snippet parses');
      const reported = messages.filter((m) => m.ruleId === RULE);
      assert.equal(
        reported.length > 0,
        forbidden,
        forbidden ? 'expected a layer violation, none reported' : `unexpected: ${reported.map((m) => m.message)}`,
      );
    });
  }
});
