/**
 * A host that speaks French and calls its billed users "seats": it registers a language
 * and overrides a few of the kit's words. The package check type-checks it under `strict`
 * against the installed tarball: a catalogue that lacks a key, or an override with a key
 * the kit does not have, fails the build (the `@ts-expect-error` lines must find errors).
 */
import { overrideMessages, registerLanguage, supportedLanguages, type KitMessages } from 'billing-elements';

/** French, loaded the first time an element shows it (a module whose default export is the catalogue). */
export function addFrench(load: () => Promise<KitMessages>): void {
  registerLanguage('fr', load);
}

// Some of the kit's words, in the languages the product speaks.
overrideMessages('en', { 'users.tab.billed': 'Billed seats' });
overrideMessages('nl', { 'users.tab.billed': 'Gefactureerde plaatsen' });

// @ts-expect-error -- 'users.tab.biled' is not a key of the kit: a misspelt override fails the build.
overrideMessages('en', { 'users.tab.biled': 'Billed seats' });

// @ts-expect-error -- a language gives every key of the kit; this catalogue gives one.
export const incomplete: KitMessages = { 'state.retry': 'Réessayer' };

/** The languages the elements speak now: `en`, `nl`, `de`, then the host's. */
export const languages: readonly string[] = supportedLanguages;
