/**
 * The report, three ways: text for a person (grouped; a line per check, and under a failed
 * one what was expected, what came back and a hint; the writes made; a summary), JUnit XML
 * for CI (a test suite per group, a test case per check) and JSON (the whole report).
 * Credentials never appear: roles are listed with the names of their headers only.
 */
import type { ConformanceReport } from './index.js';
import { GROUP_TITLES, GROUPS } from './results.js';
import type { CheckResult } from './results.js';

const MARK = { pass: '✓', fail: '✗', skip: '–' } as const;

/** The check's name: `GET /plans — <billing-subscription-overview>`. */
export function checkName(r: CheckResult): string {
  return r.endpoint ? `${r.endpoint} — ${r.title}` : r.title;
}

function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** One line per check; a failed check adds what was expected, what came back and a hint. */
export function checkLines(r: CheckResult): string[] {
  if (r.status === 'pass') return [`  ${MARK.pass} ${checkName(r)}${r.note ? ` (${r.note})` : ''}`];
  if (r.status === 'skip') return [`  ${MARK.skip} ${checkName(r)}: skipped, ${r.summary ?? ''}`];
  const lines = [`  ${MARK.fail} ${r.summary ?? checkName(r)}`];
  lines.push(`      expected: ${r.expected ?? '?'}`);
  lines.push(`      got:      ${r.got ?? '?'}`);
  if (r.hint) lines.push(`      hint:     ${r.hint}`);
  return lines;
}

/** The header of a report, before the first check. */
export function headerLines(
  report: Pick<ConformanceReport, 'baseUrl' | 'contract' | 'roles' | 'writes' | 'month'>,
): string[] {
  const roles = report.roles
    .map((r) => `${r.name} (${r.headers.length > 0 ? r.headers.join(', ') : 'no credentials'})`)
    .join(', ');
  return [
    `billing-elements conformance: ${report.baseUrl}`,
    `  contract: ${report.contract.title} ${report.contract.version} (openapi/billing-api.yaml)`,
    `  roles:    ${roles}`,
    `  month:    ${report.month} (the users list and the daily usage)`,
    `  writes:   ${report.writes ? 'yes (--writes): each is listed at the end, with how it was undone' : 'no (only GET requests and a license quote; --writes checks the writes too)'}`,
  ];
}

/** The closing lines: the writes made, and the counts. */
export function footerLines(report: ConformanceReport): string[] {
  const lines: string[] = [];
  if (report.writesMade.length > 0) {
    lines.push('', 'writes made');
    for (const w of report.writesMade) {
      lines.push(
        `  ${w.undone ? MARK.pass : '!'} ${w.endpoint}: ${w.what} — ${w.undone ? 'undone' : 'NOT undone'}: ${w.how}`,
      );
    }
  }
  const c = report.counts;
  lines.push('');
  if (report.fatal) lines.push(`Stopped: ${report.fatal}`);
  lines.push(
    `${c.passed} of ${c.total} checks passed, ${c.failed} failed, ${c.skipped} skipped, in ${seconds(report.ms)}` +
      (c.failed > 0
        ? ` — ${c.failed} deviation${c.failed === 1 ? '' : 's'} from the contract`
        : ' — no deviation from the contract'),
  );
  return lines;
}

/** The heading of a group. */
export function groupHeading(group: CheckResult['group']): string {
  return `${group}: ${GROUP_TITLES[group]}`;
}

/** The whole report as text. */
export function textReport(report: ConformanceReport): string {
  const lines = headerLines(report);
  for (const group of GROUPS) {
    const results = report.results.filter((r) => r.group === group);
    if (results.length === 0) continue;
    lines.push('', groupHeading(group));
    for (const r of results) lines.push(...checkLines(r));
  }
  lines.push(...footerLines(report));
  return `${lines.join('\n')}\n`;
}

/** Text as XML character data or an attribute value. */
export function xmlEscape(text: string): string {
  return (
    text
      // Characters XML 1.0 cannot hold at all.
      // eslint-disable-next-line no-control-regex
      .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
      .replaceAll('&', '&amp;')
      .replaceAll('<', '&lt;')
      .replaceAll('>', '&gt;')
      .replaceAll('"', '&quot;')
      .replaceAll("'", '&apos;')
  );
}

function secs(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/** JUnit XML: a test suite per group, a test case per check (failures with expected, got and hint). */
export function junitReport(report: ConformanceReport): string {
  const c = report.counts;
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(
    `<testsuites name="billing-elements conformance" tests="${c.total}" failures="${c.failed}" errors="0" skipped="${c.skipped}" time="${secs(report.ms)}" timestamp="${xmlEscape(report.startedAt)}">`,
  );
  let first = true;
  for (const group of GROUPS) {
    const results = report.results.filter((r) => r.group === group);
    if (results.length === 0) continue;
    const failed = results.filter((r) => r.status === 'fail').length;
    const skipped = results.filter((r) => r.status === 'skip').length;
    const time = results.reduce((t, r) => t + r.ms, 0);
    out.push(
      `  <testsuite name="${group}" tests="${results.length}" failures="${failed}" errors="0" skipped="${skipped}" time="${secs(time)}" timestamp="${xmlEscape(report.startedAt)}">`,
    );
    out.push('    <properties>');
    out.push(`      <property name="base-url" value="${xmlEscape(report.baseUrl)}"/>`);
    out.push(`      <property name="checks" value="${xmlEscape(GROUP_TITLES[group])}"/>`);
    out.push(`      <property name="writes" value="${report.writes}"/>`);
    if (first) {
      report.writesMade.forEach((w, i) => {
        const value = `${w.endpoint}: ${w.what} — ${w.undone ? 'undone' : 'NOT undone'}: ${w.how}`;
        out.push(`      <property name="write.${i + 1}" value="${xmlEscape(value)}"/>`);
      });
    }
    out.push('    </properties>');
    first = false;
    for (const r of results) {
      const head = `    <testcase classname="billing-elements.conformance.${group}" name="${xmlEscape(checkName(r))}" time="${secs(r.ms)}"`;
      if (r.status === 'pass') {
        out.push(`${head}/>`);
      } else if (r.status === 'skip') {
        out.push(`${head}>`, `      <skipped message="${xmlEscape(r.summary ?? '')}"/>`, '    </testcase>');
      } else {
        const message = r.summary ?? `expected ${r.expected ?? '?'}, got ${r.got ?? '?'}`;
        const body = [
          `expected: ${r.expected ?? '?'}`,
          `got: ${r.got ?? '?'}`,
          ...(r.hint ? [`hint: ${r.hint}`] : []),
        ].join('\n');
        out.push(
          `${head}>`,
          `      <failure message="${xmlEscape(message)}" type="conformance">${xmlEscape(body)}</failure>`,
          '    </testcase>',
        );
      }
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

/** The report as JSON (a stable shape: `format` names its version). */
export function jsonReport(report: ConformanceReport): string {
  return `${JSON.stringify({ format: 'billing-elements-conformance/1', ...report }, null, 2)}\n`;
}
