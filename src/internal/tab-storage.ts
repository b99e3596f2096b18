/**
 * The tab's session storage, the one way the kit keeps something over a reload (the
 * contacts editor's unsaved draft, the session's last `/me`): a storage that is disabled,
 * refused (a sandboxed frame) or full keeps nothing, and reads as empty.
 */

/** What the tab keeps under `key`, or `null`. */
export function tabRead(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Keeps `value` under `key` in the tab; without one (or with `''`), removes what is kept there. */
export function tabKeep(key: string, value?: string): void {
  try {
    if (value) sessionStorage.setItem(key, value);
    else sessionStorage.removeItem(key);
  } catch {
    // Disabled or full: nothing is kept, and what is shown stays as it is.
  }
}
