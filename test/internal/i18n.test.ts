/**
 * Languages other than English load on first use (each catalogue is a chunk of its own),
 * so an English page downloads no Dutch. An element waits for its language before it
 * renders: it never shows English for a moment, and a catalogue that cannot be loaded
 * falls back to English instead of leaving the element blank.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { loadLanguage, translate, type ElementMessages } from '../../src/i18n/index.js';
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
