/**
 * `If-Match` (RFC 9110 §13.1.1): which versions of the billing details a save may replace.
 * The contract's pattern has already checked the header's form (a `400` otherwise) and
 * its presence (`428`); this reads it by strong comparison: a weak tag (`W/"v3"`) never
 * matches.
 */
import type { VersionMatch } from '../store/store.js';
import { tagVersion } from '../store/views.js';

/** The strong entity tags an `If-Match` value lists, `'*'` for any, or `undefined` when it is not a list of quoted tags. */
export function strongTags(ifMatch: string): '*' | string[] | undefined {
  const value = ifMatch.trim();
  if (value === '*') return '*';
  const tag = /\s*(W\/)?("[\x21\x23-\x7e]*")\s*(?:,|$)/y;
  const tags: string[] = [];
  while (tag.lastIndex < value.length) {
    const m = tag.exec(value);
    if (!m) return undefined;
    if (m[1] === undefined) tags.push(m[2] as string);
  }
  return tags;
}

/** True when an `If-Match` value is `*` or lists `etag` (a strong tag such as `"v3"`) by strong comparison. */
export function ifMatchAccepts(ifMatch: string, etag: string): boolean {
  const tags = strongTags(ifMatch);
  return tags === '*' || (tags !== undefined && tags.includes(etag));
}

/**
 * The versions of the details an `If-Match` value names: `'*'`, or the versions of its
 * strong tags (`"v3"` → 3; other tags name none, so they match nothing).
 */
export function versionsNamed(ifMatch: string): VersionMatch {
  const tags = strongTags(ifMatch);
  if (tags === '*') return '*';
  const versions: number[] = [];
  for (const t of tags ?? []) {
    const v = tagVersion(t);
    if (v !== undefined) versions.push(v);
  }
  return versions;
}
