/**
 * The world format has one source, `mocks/world.schema.json`. From it this script makes
 * two modules of the engine:
 *
 * - `mocks/engine/world.ts`: the world's TypeScript types, one per `$defs` entry and
 *   `World` for the whole, with the schema's descriptions as their JSDoc
 *   (`mocks/engine/types.ts` re-exports them under the names the code uses);
 * - `mocks/engine/world-schema.ts`: the schema as data without its descriptions and
 *   examples, which the world validator checks every world against, in the browser too
 *   (no JSON import, no file read).
 *
 * `npx tsx scripts/world-types.ts --write` (part of `npm run api:types`) rewrites both;
 * test/node/world-schema.test.ts fails while either is stale. The generator knows the
 * subset of JSON Schema the file uses (`$ref` to `$defs`, `type`, `enum`, `const`,
 * `properties`/`required`, `items`) and refuses a schema it cannot type.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as prettier from 'prettier';

/** A JSON Schema as parsed (only what the generator reads is typed). */
interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  $defs?: Record<string, Schema>;
  [keyword: string]: unknown;
}

export const SCHEMA_FILE = fileURLToPath(new URL('../mocks/world.schema.json', import.meta.url));
export const TYPES_FILE = fileURLToPath(new URL('../mocks/engine/world.ts', import.meta.url));
export const SCHEMA_MODULE_FILE = fileURLToPath(new URL('../mocks/engine/world-schema.ts', import.meta.url));

const HEADER = (what: string) => `/**
 * ${what}
 *
 * Generated from mocks/world.schema.json: do not edit. After changing the schema run
 * \`npx tsx scripts/world-types.ts --write\` (test/node/world-schema.test.ts fails while this is stale).
 */
`;

/** The world schema, parsed. */
export function worldSchema(): Schema {
  return JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Schema;
}

/** A JSDoc block for `text` (none when there is no text), indented by `indent`. */
function doc(text: string | undefined, indent: string): string {
  if (!text) return '';
  return `${indent}/** ${text.replaceAll('*/', '*\\/')} */\n`;
}

const DEF = '#/$defs/';

/** The TypeScript type of a schema. */
function typeOf(s: Schema, indent: string): string {
  if (s.$ref !== undefined) {
    if (!s.$ref.startsWith(DEF)) throw new Error(`Only ${DEF} references are typed: ${s.$ref}`);
    return s.$ref.slice(DEF.length);
  }
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  const types = s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];
  if (types.length === 0) throw new Error(`A schema without a type: ${JSON.stringify(s).slice(0, 80)}`);
  return types.map((t) => scalar(t, s, indent)).join(' | ');
}

function scalar(type: string, s: Schema, indent: string): string {
  switch (type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array': {
      if (!s.items) return 'unknown[]';
      const item = typeOf(s.items, indent);
      return item.includes('|') ? `(${item})[]` : `${item}[]`;
    }
    case 'object':
      return s.properties ? `{\n${members(s, `${indent}  `)}${indent}}` : 'Record<string, unknown>';
    default:
      throw new Error(`Unknown type ${type}`);
  }
}

/** An object's members, each with its JSDoc, optional unless required. */
function members(s: Schema, indent: string): string {
  const required = new Set(s.required ?? []);
  return Object.entries(s.properties ?? {})
    .map(([name, p]) => {
      const key = /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
      return `${doc(p.description, indent)}${indent}${key}${required.has(name) ? '' : '?'}: ${typeOf(p, indent)};\n`;
    })
    .join('');
}

/** A declaration: an interface for an object with properties, a type alias otherwise. */
function declaration(name: string, s: Schema): string {
  const isObject = s.type === 'object' && s.properties !== undefined && s.$ref === undefined;
  const body = isObject
    ? `export interface ${name} {\n${members(s, '  ')}}`
    : `export type ${name} = ${typeOf(s, '')};`;
  return `${doc(s.description, '')}${body}\n`;
}

/** Formats a generated module as the repository does (prettier). */
async function format(text: string, file: string): Promise<string> {
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(text, { ...options, filepath: file });
}

/** `mocks/engine/world.ts` as it should read for `schema`. */
export async function typesSource(schema: Schema = worldSchema()): Promise<string> {
  const defs = Object.entries(schema.$defs ?? {}).map(([name, s]) => declaration(name, s));
  const text = `${HEADER("The world's types: the plain-JSON format of one tenant's data, as mocks/world.schema.json states it.")}
${declaration('World', { ...schema, description: String(schema['title'] ?? 'The world.') })}
${defs.join('\n')}`;
  return format(text, TYPES_FILE);
}

/** Keywords that only explain: left out of the engine's copy. */
const DESCRIPTIVE = new Set(['description', 'examples', 'title', '$schema']);

/** `value` without descriptive keywords (property names are data: a property called `title` stays). */
function stripped(value: unknown, propertyNames = false): unknown {
  if (Array.isArray(value)) return value.map((v) => stripped(v));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (!propertyNames && DESCRIPTIVE.has(k)) continue;
    if (!propertyNames && (k === 'enum' || k === 'const' || k === 'default')) out[k] = v;
    else out[k] = stripped(v, !propertyNames && (k === 'properties' || k === '$defs'));
  }
  return out;
}

/** `mocks/engine/world-schema.ts` as it should read for `schema`. */
export async function schemaModuleSource(schema: Schema = worldSchema()): Promise<string> {
  const text = `${HEADER('The world schema as the engine checks worlds against it: mocks/world.schema.json without its descriptions and examples.')}
import type { JsonSchema } from './schema/validate.js';

export const WORLD_SCHEMA: JsonSchema = ${JSON.stringify(stripped(schema))};
`;
  return format(text, SCHEMA_MODULE_FILE);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const outputs: [string, string][] = [
    [TYPES_FILE, await typesSource()],
    [SCHEMA_MODULE_FILE, await schemaModuleSource()],
  ];
  for (const [file, source] of outputs) {
    if (process.argv.includes('--write')) {
      writeFileSync(file, source);
      console.log(`wrote ${file}`);
    } else process.stdout.write(source);
  }
}
