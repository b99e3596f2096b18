/**
 * `schemas` and `formats`: every answer the run received, held to the contract. `schemas`
 * reports per endpoint (status, Content-Type, body, declared headers, problem house
 * rules); `formats` reports the conventions across all answers: dates `YYYY-MM-DD`,
 * months `YYYY-MM`, money and counts as integers (minor units), currencies ISO 4217.
 */
import { endpoint } from '../context.js';
import type { Context } from '../context.js';
import type { IssueKind } from '../contract.js';
import type { Answer } from '../http.js';
import { fail } from '../results.js';

const FORMAT_KINDS: readonly { kind: IssueKind; title: string; hint: string }[] = [
  {
    kind: 'date',
    title: 'dates are calendar dates, YYYY-MM-DD',
    hint: "Dates are calendar dates in the tenant's time zone (2026-03-01): not timestamps, not other layouts, not 2026-02-30.",
  },
  { kind: 'month', title: 'months are YYYY-MM', hint: 'Months are YYYY-MM (2026-03), not 2026-3 or March 2026.' },
  {
    kind: 'integer',
    title: 'money and counts are integers (money in minor units)',
    hint: 'Money is an integer number of minor units (cents): 1999 for 19.99, never 19.99 or "19.99"; counts are whole numbers.',
  },
  {
    kind: 'currency',
    title: 'currencies are ISO 4217 codes',
    hint: 'Currencies are ISO 4217 codes in capitals: EUR, not eur or €.',
  },
];
const FORMAT_SET = new Set<IssueKind>(FORMAT_KINDS.map((f) => f.kind));

const SCHEMA_HINTS: Partial<Record<IssueKind, string>> = {
  status:
    'Answer only with the statuses the contract lists for this operation (or a problem document for another error).',
  'content-type': 'Send Content-Type: application/json for data and application/problem+json for errors.',
  body: "Compare the body with the operation's schema in openapi/billing-api.yaml (the pointer says where).",
  header: 'Compare the header with the contract.',
  problem:
    "A problem's status is the answer's; a 400 lists errors[] naming each field; a 5xx says only that the service failed.",
};

function origin(a: Answer): string {
  return `${a.method} ${a.target}${a.role === null ? ' without credentials' : ` as ${a.role}`} → ${a.status}`;
}

/** `/items/3/startDate` → `/items/*\/startDate`: one line per place, not per row. */
function place(pointer = ''): string {
  return pointer.replace(/\/\d+(?=\/|$)/g, '/*');
}

export async function answerChecks(ctx: Context): Promise<void> {
  const answers = ctx.http.answers.filter((a) => a.status !== 0 && !ctx.missing.has(a.operationId));

  if (ctx.results.selected('schemas')) {
    for (const op of ctx.contract.operations) {
      const mine = answers.filter((a) => a.operationId === op.id);
      if (mine.length === 0) continue;
      const where = endpoint(ctx, op.id);
      await ctx.results.check('schemas', `${mine.length} answer(s) as the contract says`, where, async () => {
        const seen = new Map<string, string>();
        let firstKind: IssueKind | undefined;
        for (const a of mine) {
          for (const issue of a.issues) {
            if (FORMAT_SET.has(issue.kind)) continue;
            const key = `${a.status} ${issue.kind} ${place(issue.pointer)} ${issue.message.replace(/ = .*?:/, ':')}`;
            if (seen.has(key)) continue;
            firstKind ??= issue.kind;
            seen.set(key, `${issue.message} (${origin(a)})`);
          }
        }
        if (seen.size > 0) {
          const lines = [...seen.values()];
          fail({
            expected: 'status, Content-Type and body as openapi/billing-api.yaml says',
            got: `${lines.slice(0, 3).join('; ')}${lines.length > 3 ? `; and ${lines.length - 3} more` : ''}`,
            hint: SCHEMA_HINTS[firstKind as IssueKind] ?? (SCHEMA_HINTS.body as string),
          });
        }
      });
    }
  }

  if (ctx.results.selected('formats')) {
    for (const f of FORMAT_KINDS) {
      await ctx.results.check('formats', f.title, undefined, async () => {
        const seen = new Map<string, string>();
        for (const a of answers) {
          for (const issue of a.issues) {
            if (issue.kind !== f.kind) continue;
            const key = `${a.operationId} ${place(issue.pointer)}`;
            if (!seen.has(key)) seen.set(key, `${a.method} ${a.target}: ${issue.message}`);
          }
        }
        if (seen.size > 0) {
          const lines = [...seen.values()];
          fail({
            expected: f.title,
            got: `${lines.slice(0, 3).join('; ')}${lines.length > 3 ? `; and ${lines.length - 3} more` : ''}`,
            hint: f.hint,
          });
        }
        return `${answers.length} answers`;
      });
    }
  }
}
