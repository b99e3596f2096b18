/**
 * Languages other than English load on first use (each catalogue is a chunk of its own),
 * so an English page downloads no Dutch. An element waits for its language before it
 * renders: it never shows English for a moment, and a catalogue that cannot be loaded
 * falls back to English instead of leaving the element blank.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import {
  loadLanguage,
  supportedLanguages,
  translate,
  type ElementMessages,
  type Message,
  type MessageKey,
} from '../../src/i18n/index.js';
import { overrideMessages, registerLanguage, type KitMessages } from '../../src/i18n/register.js';
import { nl as loadTableDutch } from '../../src/components/users-table/users-table.messages.js';
import { useMockBackend, BASE_URL } from '../components/support.js';

describe('i18n: catalogues load on first use', () => {
  useMockBackend();

  // First in this file: nothing Dutch is loaded yet when the element connects.
  it('an element in Dutch renders Dutch from its first frame, never English first', async () => {
    const seen: string[] = [];
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('billing-invoice-list');
    el.setAttribute('base-url', BASE_URL);
    el.setAttribute('lang', 'nl');
    host.append(el);
    const observer = new MutationObserver(() => seen.push(el.shadowRoot?.textContent ?? ''));
    observer.observe(el.shadowRoot!, { childList: true, subtree: true, characterData: true });
    await (el as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
    observer.disconnect();
    seen.push(el.shadowRoot!.textContent ?? '');
    expect(seen.join('\n')).to.contain('Factuurgegevens laden…');
    expect(seen.join('\n')).not.to.contain('Loading billing data');
  });

  it('translate answers in a loaded language, by its BCP 47 tag', async () => {
    await loadLanguage('nl-BE');
    expect(translate('nl-BE', 'state.retry')).to.equal('Opnieuw proberen');
    expect(translate('nl', 'common.cancel')).to.equal('Annuleren');
  });

  it("loads an element's own catalogue with the shared one", async () => {
    const messages = { en: { 'x.hello': 'Hello {name}' }, nl: async () => ({ 'x.hello': 'Hallo {name}' }) };
    const key = 'x.hello' as Parameters<typeof translate>[1];
    expect(translate('nl', key, { name: 'Ans' }, messages)).to.equal('Hello Ans');
    await loadLanguage('nl', messages);
    expect(translate('nl', key, { name: 'Ans' }, messages)).to.equal('Hallo Ans');
  });

  it('falls back to English when a catalogue cannot be loaded, and tries again later', async () => {
    let calls = 0;
    const messages: ElementMessages = {
      en: { 'x.bye': 'Goodbye' },
      nl: () => {
        calls++;
        return calls === 1 ? Promise.reject(new TypeError('Failed to fetch')) : Promise.resolve({ 'x.bye': 'Dag' });
      },
    };
    const key = 'x.bye' as Parameters<typeof translate>[1];
    await loadLanguage('nl', messages); // resolves, never rejects
    expect(translate('nl', key, {}, messages)).to.equal('Goodbye');
    await loadLanguage('nl', messages);
    expect(translate('nl', key, {}, messages)).to.equal('Dag');
    expect(calls).to.equal(2);
  });

  it("a module's loader is the same function every time (one load per catalogue)", async () => {
    const a = await loadTableDutch();
    const b = await loadTableDutch();
    expect(a['users.tab.billed']).to.be.a('string').and.not.equal('Billed users');
    expect(a).to.equal(b);
  });
});

/**
 * A host's languages and words: `registerLanguage` adds a language for every element
 * (numbers, dates and plural forms follow it through Intl), `overrideMessages` replaces any
 * string, both at once on elements already shown; `<html lang>` changes are followed.
 */
describe('i18n: open catalogues', () => {
  useMockBackend();

  /** Every English message of the kit, as a host starting a translation would gather them. */
  async function englishKit(): Promise<Record<string, Message>> {
    const modules = await Promise.all([
      import('../../src/i18n/common.js'),
      import('../../src/internal/error-details.messages.js'),
      import('../../src/components/users-table/users-table.messages.js'),
      import('../../src/components/users-table/user-dialog.messages.js'),
      import('../../src/components/users-table/people-dialog.messages.js'),
      import('../../src/components/subscription-overview/subscription-overview.messages.js'),
      import('../../src/components/subscription-overview/change-dialog.messages.js'),
      import('../../src/components/subscription-overview/order-history.messages.js'),
      import('../../src/components/user-count-chart/user-count-chart.messages.js'),
      import('../../src/components/invoice-list/invoice-list.messages.js'),
      import('../../src/components/invoice-list/invoice-detail.messages.js'),
      import('../../src/components/invoice-list/settle-outcome.messages.js'),
      import('../../src/components/contacts-editor/contacts-editor.messages.js'),
      import('../../src/components/contacts-editor/editing.messages.js'),
    ]);
    return Object.assign({}, ...modules.map((m) => m.en));
  }

  /** A "French" made from the English: every text marked, so a test sees whose words it is. */
  function pseudo(en: Record<string, Message>, mark: string): KitMessages {
    const tr = (s: string) => `${mark}${s}`;
    return Object.fromEntries(
      Object.entries(en).map(([k, m]) => [
        k,
        typeof m === 'string' ? tr(m) : Object.fromEntries(Object.entries(m).map(([f, s]) => [f, tr(s)])),
      ]),
    ) as unknown as KitMessages;
  }

  async function mount(lang?: string): Promise<HTMLElement & { updateComplete: Promise<boolean> }> {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('billing-invoice-list') as HTMLElement & { updateComplete: Promise<boolean> };
    el.setAttribute('base-url', BASE_URL);
    if (lang) el.setAttribute('lang', lang);
    host.append(el);
    await waitUntil(() => el.shadowRoot?.querySelector('tbody tr'), 'no invoices shown', { timeout: 8000 });
    return el;
  }

  it('a registered language is shown by every element, loaded on first use, with its numbers and dates', async () => {
    // Shown before the language exists: English words (with French numbers), then French once registered.
    const early = await mount('fr-CA');
    expect(early.shadowRoot!.textContent).to.contain('Outstanding');
    let loads = 0;
    const en = await englishKit();
    registerLanguage('fr', () => {
      loads++;
      return Promise.resolve(pseudo(en, 'FR·'));
    });
    expect(supportedLanguages).to.include('fr');
    await waitUntil(() => early.shadowRoot!.textContent!.includes('FR·'), 'the element did not take the language');
    const later = await mount('fr');
    const text = later.shadowRoot!.textContent!;
    expect(text).to.contain('FR·');
    expect(text).to.contain('FR·Outstanding');
    expect(text).not.to.match(/(^|\s)Outstanding/);
    // French money: a comma for cents and the euro sign after the amount.
    expect(text).to.match(/\d,\d\d\s€/);
    expect(loads).to.equal(1);
  });

  it('an override replaces one string at once, in elements already shown, and English overrides stand in', async () => {
    const el = await mount('en');
    const before = el.shadowRoot!.querySelector('table')!.getAttribute('aria-label');
    expect(before).to.equal('Invoices');
    overrideMessages('en', { 'invoices.label': 'Bills' });
    await el.updateComplete;
    await waitUntil(() => el.shadowRoot!.querySelector('table')!.getAttribute('aria-label') === 'Bills');
    // A language's own word wins over an English override.
    expect(
      translate(
        'nl',
        'invoices.label',
        {},
        { en: { 'invoices.label': 'Invoices' }, nl: { 'invoices.label': 'Facturen' } },
      ),
    ).to.equal('Facturen');
    overrideMessages('en', { 'invoices.label': 'Invoices' });
  });

  it('picks CLDR plural forms: Polish few and many, Arabic two, zero only for exactly 0', () => {
    const key = 'x.files' as MessageKey;
    const messages = {
      en: {
        'x.files': {
          zero: 'no files',
          one: '{count} file',
          two: '{count} (two)',
          few: '{count} pliki',
          many: '{count} plików',
          other: '{count} pliku',
        },
      },
    };
    expect(translate('pl', key, { count: 1 }, messages)).to.equal('1 file');
    expect(translate('pl', key, { count: 3 }, messages)).to.equal('3 pliki');
    expect(translate('pl', key, { count: 5 }, messages)).to.equal('5 plików');
    expect(translate('pl', key, { count: 22 }, messages)).to.equal('22 pliki');
    expect(translate('pl', key, { count: 1.5 }, messages)).to.equal('1.5 pliku');
    expect(translate('ar', key, { count: 2 }, messages)).to.equal('2 (two)');
    expect(translate('en', key, { count: 0 }, messages)).to.equal('no files');
    expect(translate('en', key, { count: 2 }, messages)).to.equal('2 pliku');
  });

  it("follows the page's <html lang> when neither the element nor the host names a language", async () => {
    const html = document.documentElement;
    const previous = html.lang;
    try {
      html.lang = 'en';
      const el = await mount();
      expect(el.shadowRoot!.querySelector('table')!.getAttribute('aria-label')).to.equal('Invoices');
      html.lang = 'de';
      await waitUntil(
        () => el.shadowRoot!.querySelector('table')?.getAttribute('aria-label') === 'Rechnungen',
        'the element did not follow <html lang="de">',
        { timeout: 8000 },
      );
      html.lang = 'nl';
      await waitUntil(() => el.shadowRoot!.querySelector('table')?.getAttribute('aria-label') === 'Facturen');
    } finally {
      html.lang = previous;
    }
  });
});
