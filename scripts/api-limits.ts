/**
 * Writes `src/client/limits.ts`: the limits the HTTP contract (`openapi/billing-api.yaml`)
 * states (`maxLength`, `minimum`, `maxItems`…), as typed constants, so an element takes
 * `LIMITS.billingDetailsInput.poNumber.maxLength` or `LIMITS.listInvoices.limit.max` from
 * the one contract instead of copying the figure.
 *
 *   npx tsx scripts/api-limits.ts --write    (part of `npm run api:types`)
 *
 * What it holds:
 * - `LIMITS.<schema>` for each component schema with a limit (its name in lowerCamelCase):
 *   the schema's own limits when it is a scalar (`LIMITS.role.maxLength`), else one entry
 *   per property that has limits (`LIMITS.address.city.maxLength`); an array's item limits
 *   are under `items` (`LIMITS.billingDetailsInput.recipients.items.maxLength`);
 * - `LIMITS.<operationId>` for each operation with a limited parameter or an inline
 *   request body: one entry per parameter (`LIMITS.listInvoices.limit.max`) and per
 *   property of the inline body (`LIMITS.quoteLicenses.quantity.max`).
 * A property or parameter that refers to a scalar schema carries that schema's limits; one
 * that refers to an object schema does not (the object has its own entry).
 * `minimum`/`maximum` are written `min`/`max`.
 * test/node/api-limits.test.ts fails while the file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

const CONTRACT_FILE = fileURLToPath(new URL('../openapi/billing-api.yaml', import.meta.url));
/** The generated module. */
export const LIMITS_FILE = fileURLToPath(new URL('../src/client/limits.ts', import.meta.url));

type Schema = { $ref?: string; items?: Schema; properties?: Record<string, Schema>; [key: string]: unknown };
interface Document {
  paths: Record<string, Record<string, { operationId?: string; parameters?: Schema[]; requestBody?: Schema }>>;
  components: { schemas: Record<string, Schema>; parameters: Record<string, Schema> };
}

/** Limits of one value: the contract's keywords, with `minimum`/`maximum` as `min`/`max`. */
export interface Limits {
  min?: number;
  max?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  items?: Limits;
}
/** A group of `LIMITS`: a schema's own limits, or its properties' (an operation's parameters'). */
export type LimitGroup = Limits | Record<string, Limits>;

const KEYWORDS = {
  minimum: 'min',
  maximum: 'max',
  minLength: 'minLength',
  maxLength: 'maxLength',
  minItems: 'minItems',
  maxItems: 'maxItems',
} as const;

// js-yaml comes with eslint and openapi-typescript (no types of its own).
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

/** The contract, parsed. */
export function loadContract(file = CONTRACT_FILE): Document {
  return yaml.load(readFileSync(file, 'utf8')) as Document;
}

/** `#/components/schemas/X` (or `…/parameters/X`) → the object it names. */
function resolve(doc: Document, schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const [, , kind, name] = schema.$ref.split('/');
  const target = (doc.components as unknown as Record<string, Record<string, Schema>>)[kind!]?.[name!];
  if (!target) throw new Error(`openapi/billing-api.yaml: ${schema.$ref} names nothing`);
  return resolve(doc, target);
}

const isObject = (s: Schema): boolean => s['type'] === 'object' || s.properties !== undefined;

/** The limits of one value (a scalar, or an array and its items); `undefined` when it has none. */
function limitsOf(doc: Document, schema: Schema): Limits | undefined {
  const s = resolve(doc, schema);
  if (isObject(s)) return undefined;
  const out: Limits = {};
  for (const [keyword, name] of Object.entries(KEYWORDS)) {
    if (typeof s[keyword] === 'number') out[name] = s[keyword];
  }
  const items = s.items && limitsOf(doc, s.items);
  if (items) out.items = items;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The limited properties of an object schema. */
function propertyLimits(doc: Document, schema: Schema): Record<string, Limits> {
  const out: Record<string, Limits> = {};
  for (const [name, property] of Object.entries(resolve(doc, schema).properties ?? {})) {
    const limits = limitsOf(doc, property);
    if (limits) out[name] = limits;
  }
  return out;
}

const lowerCamel = (name: string): string => name[0]!.toLowerCase() + name.slice(1);

/** Every limit the contract states, grouped by schema and by operation (see the module's comment). */
export function contractLimits(doc: Document): Record<string, LimitGroup> {
  const out: Record<string, LimitGroup> = {};
  const add = (key: string, group: LimitGroup, where: string): void => {
    if (Object.keys(group).length === 0) return;
    if (key in out) throw new Error(`openapi/billing-api.yaml: ${where} and another entry are both LIMITS.${key}`);
    out[key] = group;
  };
  for (const [name, schema] of Object.entries(doc.components.schemas)) {
    add(lowerCamel(name), isObject(schema) ? propertyLimits(doc, schema) : (limitsOf(doc, schema) ?? {}), name);
  }
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!op.operationId) continue;
      const group: Record<string, Limits> = {};
      const put = (name: string, limits: Limits | undefined): void => {
        if (!limits) return;
        if (name in group) throw new Error(`${op.operationId}: a parameter and a body property are both named ${name}`);
        group[name] = limits;
      };
      for (const p of op.parameters ?? []) {
        const parameter = resolve(doc, p);
        const schema = parameter['schema'] as Schema | undefined;
        put(parameter['name'] as string, schema && limitsOf(doc, schema));
      }
      const body = op.requestBody && resolve(doc, op.requestBody);
      const content = body?.['content'] as Record<string, { schema?: Schema }> | undefined;
      const bodySchema = content?.['application/json']?.schema;
      // A body that is a named schema has its entry already; an inline one is the operation's.
      if (bodySchema && !bodySchema.$ref) {
        for (const [name, limits] of Object.entries(propertyLimits(doc, bodySchema))) put(name, limits);
      }
      add(op.operationId, group, `${method.toUpperCase()} ${path}`);
    }
  }
  return out;
}

/** The source of `src/client/limits.ts`, formatted as the repository's Prettier does. */
export async function limitsSource(doc = loadContract()): Promise<string> {
  const limits = contractLimits(doc);
  const keys = Object.keys(limits);
  // One constant per group, so that a bundler keeps only the groups an element names.
  const groups = Object.entries(limits)
    .map(([key, group]) => `export const ${key}Limits = ${JSON.stringify(group)} as const;`)
    .join('\n');
  const body = keys.map((key) => `${JSON.stringify(key)}: ${key}Limits`).join(',\n');
  const source = `/**
 * The limits the HTTP contract (openapi/billing-api.yaml) states: generated by
 * scripts/api-limits.ts (\`npm run api:types\`), do not edit. An element takes a limit from
 * here rather than copying the figure, so the contract stays the one source.
 *
 * \`LIMITS.<schema>\` (lowerCamelCase) holds a scalar schema's limits, or each limited
 * property's; \`LIMITS.<operationId>\` each limited parameter's and inline body property's.
 * \`min\`/\`max\` are the contract's \`minimum\`/\`maximum\`; an array's item limits are under \`items\`.
 *
 * Each group is also a constant of its own (\`<group>Limits\`): an element imports the groups
 * it needs, so a bundle carries only those.
 *
 * @example
 * html\`<input maxlength=\${billingDetailsInputLimits.poNumber.maxLength}>\`
 */
${groups}

/** Every group, by name. */
export const LIMITS = {
${body}
} as const;
`;
  const options = (await prettier.resolveConfig(LIMITS_FILE)) ?? {};
  return prettier.format(source, { ...options, filepath: LIMITS_FILE });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const source = await limitsSource();
  if (process.argv.includes('--write')) {
    writeFileSync(LIMITS_FILE, source);
    console.log(`wrote ${LIMITS_FILE}`);
  } else if (readFileSync(LIMITS_FILE, 'utf8') !== source) {
    console.error('src/client/limits.ts is stale: run `npm run api:types`');
    process.exitCode = 1;
  }
}
