/**
 * A sane e-mail address: an ASCII local part of the usual characters, `@`, and a domain
 * of at least two dot-separated labels (no leading/trailing hyphen). Not RFC 5322 in
 * full, on purpose: quoted local parts and IP literals are not accepted.
 */
export const EMAIL_RE =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** True when `s` is an e-mail address {@link EMAIL_RE} accepts (at most 254 characters). */
export function isEmail(s: unknown): s is string {
  return typeof s === 'string' && s.length <= 254 && EMAIL_RE.test(s);
}
