/**
 * The global `--billing-*` design tokens, for the Guides/Theming docs page. Pure functions,
 * unit-tested in `.storybook/design-tokens.test.ts`.
 *
 * Names and defaults come from the kit's own styles (`tokens` and `baseStyles` of
 * src/internal/tokens.ts, where every element reads `var(--billing-…, default)`); what each
 * token means comes from the token table of docs/theming.md. Nothing is copied by hand: a
 * token added to the styles shows up on the page, and is flagged there (and fails the
 * Storybook smoke test) until docs/theming.md describes it.
 */

export interface Token {
  /** `--billing-color-accent` */
  name: string;
  /** The default, or the light one of a `light-dark()` pair. */
  light: string;
  /** The dark default of a `light-dark()` pair; undefined when one value serves both. */
  dark?: string;
  /** What the token is for (docs/theming.md); undefined when the guide does not say. */
  meaning?: string;
  /** The default the guide states, as written there. */
  documentedDefault?: string;
}

/** Splits at top-level commas (not those inside parentheses). */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

/**
 * Every `var(--billing-…, default)` in some CSS, in order of first use, with its default
 * (a `light-dark(a, b)` default gives both). A token read twice keeps its first default.
 */
export function tokensFromCss(css: string): Token[] {
  const tokens = new Map<string, Token>();
  const start = /var\(\s*(--billing-[\w-]+)\s*,/g;
  for (let m = start.exec(css); m; m = start.exec(css)) {
    // The default runs to the parenthesis that closes this var().
    let depth = 1;
    let i = start.lastIndex;
    for (; i < css.length && depth > 0; i++) {
      if (css[i] === '(') depth++;
      else if (css[i] === ')') depth--;
    }
    const name = m[1]!;
    if (tokens.has(name)) continue;
    const fallback = css.slice(start.lastIndex, i - 1).trim();
    const pair = /^light-dark\((.*)\)$/s.exec(fallback);
    const [light, dark] = pair ? splitTopLevel(pair[1]!) : [fallback];
    tokens.set(name, { name, light: light!, ...(dark ? { dark } : {}) });
  }
  return [...tokens.values()];
}

/**
 * The rows of markdown tables whose first cell is a backticked `--billing-…` name:
 * name → { meaning (second cell), default (third cell) }.
 */
export function tokenTableFromMarkdown(markdown: string): Map<string, { meaning: string; default?: string }> {
  const rows = new Map<string, { meaning: string; default?: string }>();
  for (const line of markdown.split('\n')) {
    const cells = /^\s*\|(.*)\|\s*$/
      .exec(line)?.[1]
      ?.split('|')
      .map((c) => c.trim());
    const name = cells?.[0] && /^`(--billing-[\w-]+)`$/.exec(cells[0])?.[1];
    if (!cells || !name || rows.has(name)) continue;
    rows.set(name, { meaning: cells[1] ?? '', ...(cells[2] ? { default: cells[2] } : {}) });
  }
  return rows;
}

/** The global tokens: names and defaults from the styles, meanings from the guide. */
export function globalTokens(cssTexts: string[], guide: string): Token[] {
  const described = tokenTableFromMarkdown(guide);
  const seen = new Set<string>();
  const out: Token[] = [];
  for (const token of cssTexts.flatMap(tokensFromCss)) {
    if (seen.has(token.name)) continue;
    seen.add(token.name);
    const doc = described.get(token.name);
    out.push({
      ...token,
      ...(doc?.meaning ? { meaning: doc.meaning } : {}),
      ...(doc?.default ? { documentedDefault: doc.default } : {}),
    });
  }
  return out;
}

/**
 * A default as compared: a guide cell without backticks (`\`#1f2328\`, \`#E6E8EB\`` →
 * `#1f2328, #e6e8eb`), lower case, short hex colours written out (the built styles are
 * minified: `#ffffff` becomes `#fff`).
 */
const plain = (value: string) =>
  value
    .replace(/`/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*,\s*/g, ', ')
    .trim()
    .toLowerCase()
    .replace(/#([0-9a-f])([0-9a-f])([0-9a-f])\b/g, '#$1$1$2$2$3$3');

/**
 * What is wrong between the styles and the guide: tokens the guide does not describe, and
 * defaults it states differently. Empty when they agree.
 */
export function tokenProblems(tokens: Token[]): string[] {
  const problems: string[] = [];
  for (const t of tokens) {
    if (!t.meaning) {
      problems.push(`${t.name} is not described in docs/theming.md`);
      continue;
    }
    const actual = plain(t.dark ? `${t.light}, ${t.dark}` : t.light);
    const documented = t.documentedDefault ? plain(t.documentedDefault) : undefined;
    if (documented !== undefined && !documented.startsWith(actual)) {
      problems.push(`${t.name}: docs/theming.md says ${documented}, the styles use ${actual}`);
    }
  }
  return problems;
}

/** True for a default that is a colour a swatch can show. */
export function isColour(value: string | undefined): value is string {
  return !!value && /^(#[0-9a-f]{3,8}|rgb|hsl|oklch|oklab)/i.test(value);
}

/** The inline markdown of a guide cell (backticks) as text pieces, for rendering without HTML. */
export function inlineCode(cell: string): { code: boolean; text: string }[] {
  return cell
    .split(/(`[^`]*`)/)
    .filter(Boolean)
    .map((piece) => (piece.startsWith('`') ? { code: true, text: piece.slice(1, -1) } : { code: false, text: piece }));
}
