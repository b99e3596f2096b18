import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { World } from '../../mocks/engine/types.js';
import { BillingClient, type BillingDetailsInput } from '../../src/client/index.js';
import type { BillingContactsEditor } from '../../src/components/contacts-editor/contacts-editor.js';
import { onFirstUse } from '../../src/components/contacts-editor/contacts-editor.js';
import { DRAFT_KEYS, draftKey } from '../../src/components/contacts-editor/document.js';
import type { BillingProvider } from '../../src/context/billing-provider.js';
import type { BillingChangeEvent } from '../../src/internal/events.js';
import { all, BASE_URL, deepQuery, find, render, shadow, text, useMockBackend, waitForText } from './support.js';

/** How many drafts the tab keeps (its session storage also remembers `/me`). */
const keptDrafts = () => Object.keys(sessionStorage).filter((key) => key.startsWith(DRAFT_KEYS)).length;

const store = useMockBackend('injixo-advanced');
/** A second user of the same tenant, saving behind the element's back. */
const client = new BillingClient({ baseUrl: BASE_URL });

function until(check: () => unknown, message: string, timeout = 8000): Promise<void> {
  return waitUntil(check, message, { timeout, interval: 25 });
}

async function editor(
  template = html`<billing-provider base-url=${BASE_URL} lang="en"
    ><billing-contacts-editor></billing-contacts-editor
  ></billing-provider>`,
): Promise<BillingContactsEditor> {
  const el = await render<BillingContactsEditor>(template, 'billing-contacts-editor');
  await find(el, 'form');
  return el;
}

/** The first match in the element's shadow root, or in a private element's inside it. */
const $ = <T extends Element = HTMLElement>(el: HTMLElement, selector: string): T =>
  deepQuery<T>(shadow(el), selector)!;

const status = (el: HTMLElement): string => text($(el, '[part=save-status] .status-text'));

const recipientInputs = (el: HTMLElement): HTMLInputElement[] => all<HTMLInputElement>(el, '.recipient input');

/** The message a field points at with aria-describedby (its error), and the field's aria-invalid. */
function fieldError(el: HTMLElement, input: HTMLElement): { invalid: string | null; message: string } {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id.endsWith('-error'));
  return {
    invalid: input.getAttribute('aria-invalid'),
    message: ids.map((id) => text(shadow(el).getElementById(id))).join(' '),
  };
}

/** Focuses a field, selects its text and types over it (as a user would). */
async function typeInto(input: HTMLInputElement, value: string): Promise<void> {
  input.focus();
  input.select();
  if (value === '') await sendKeys({ press: 'Backspace' });
  else await sendKeys({ type: value });
}

/** Leaves the focused field (Tab to the next control). */
async function leave(): Promise<void> {
  await sendKeys({ press: 'Tab' });
}

async function addRecipient(el: HTMLElement, value: string): Promise<HTMLInputElement> {
  $<HTMLButtonElement>(el, '[part=add-button]').click();
  await until(() => shadow(el).activeElement?.matches('.recipient input'), 'the new row did not take focus');
  const input = shadow(el).activeElement as HTMLInputElement;
  expect(input.value).to.equal('');
  if (value) await sendKeys({ type: value });
  return input;
}

/** A real mouse click in the middle of an element (scrolled into view first). */
async function click(target: Element): Promise<void> {
  target.scrollIntoView({ block: 'center' });
  const r = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)] });
}

async function saved(el: HTMLElement): Promise<void> {
  await until(() => status(el) === 'Saved', `status never "Saved" (was "${status(el)}")`);
}

function details() {
  return store().world.billingDetails!;
}

/** A client whose requests are counted by method. */
function countingClient(): { client: BillingClient; count: (method: string) => number } {
  const counts = new Map<string, number>();
  return {
    client: new BillingClient({
      baseUrl: BASE_URL,
      fetch: (request: Request) => {
        counts.set(request.method, (counts.get(request.method) ?? 0) + 1);
        return fetch(request);
      },
    }),
    count: (method) => counts.get(method) ?? 0,
  };
}

/** The current details as a document another user would send, changed by `patch`. */
async function theirEdit(patch: (d: BillingDetailsInput) => BillingDetailsInput): Promise<void> {
  const { details: d, etag } = await client.getBillingDetails();
  const input: BillingDetailsInput = {
    recipients: d.recipients,
    address: d.address,
    eInvoicing: d.eInvoicing,
    ...(d.contact ? { contact: d.contact } : {}),
    ...(d.poNumber ? { poNumber: d.poNumber } : {}),
  };
  await client.putBillingDetails(patch(input), etag);
}

/** The chunks of the editor's parts loaded on demand that this page fetched so far. */
function partsFetched(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((e) => /contacts-editor\/(editing|people-picker|conflict-review)\./.exec(e.name)?.[1])
    .filter((name) => name !== undefined);
}

/** Makes a part of the editor fail to load (offline, a broken deployment) until `restore` is called. */
function breakPart(name: keyof typeof onFirstUse): { restore(): void } {
  const real = onFirstUse[name];
  const fail = () => Promise.reject<never>(new TypeError('Failed to fetch dynamically imported module'));
  (onFirstUse as Record<string, unknown>)[name] = fail;
  return {
    restore: () => {
      (onFirstUse as Record<string, unknown>)[name] = real;
    },
  };
}

function hostileWorld(): World {
  const w = structuredClone(store().world);
  w.tenant.name = '<img src=x onerror="window.__xssCompany=1">';
  w.people = w.people.map((p, i) => (i === 3 ? { ...p, name: '<b onclick="window.__xssPerson=1">Zed</b>' } : p));
  return w;
}

/** Pages rendered so far, and how many of them were left (by a "reload"): those send nothing any more. */
let pages = 0;
let left = 0;

/**
 * The editor in a provider as a page shows it, saving `delay` ms after the last change.
 * Once the page is left, its requests go nowhere (as a page's that was unloaded); one sent
 * before still arrives.
 */
function page(delay = 800, lang = 'en') {
  const n = ++pages;
  const send = (request: Request) => (n <= left ? new Promise<Response>(() => {}) : fetch(request));
  return html`<billing-provider base-url=${BASE_URL} lang=${lang} .fetch=${send}
    ><billing-contacts-editor save-delay=${delay}></billing-contacts-editor
  ></billing-provider>`;
}

/** Leaves the page the editor is on: it goes, and sends nothing any more. */
function leavePage(el: BillingContactsEditor): void {
  left = pages;
  (el.closest('billing-provider') ?? el).remove();
}

/**
 * A reload of the page: the editor and its provider go, and a new page is rendered in the
 * same tab, whose session storage persists, as it does over a reload.
 */
async function reload(
  el: BillingContactsEditor,
  next: () => ReturnType<typeof page> = () => page(),
): Promise<BillingContactsEditor> {
  leavePage(el);
  return editor(next());
}

/** The notice of restored changes (none: `null`). */
const restored = (el: HTMLElement): HTMLElement | null => $<HTMLElement>(el, '[part=restored]');

/** What the form's live region said last. */
const announced = (el: HTMLElement): string => text($(el, 'form > p.visually-hidden[role=status]'));

/** A `beforeunload` as the browser sends it when the page is left: true when the element asked to stay. */
function leavingPrevented(): boolean {
  const e = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(e);
  return e.defaultPrevented;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('<billing-contacts-editor>', () => {
  // A draft kept by one test (an edit left unsaved) must not be restored in the next.
  beforeEach(() => sessionStorage.clear());

  // First in this file: no part of the editor is loaded yet.
  it('shows the details without loading the editing parts; the first focus loads them', async () => {
    performance.setResourceTimingBufferSize(10_000);
    const el = await editor();
    await new Promise((r) => setTimeout(r, 300));
    expect(partsFetched()).to.deep.equal([]);
    // Focusing a field loads the editing part; the people search waits for the contact field.
    $<HTMLInputElement>(el, '#po-number').focus();
    await until(() => partsFetched().includes('editing'), 'the editing part was not loaded');
    expect(partsFetched()).not.to.include('people-picker');
    $<HTMLInputElement>(el, '#contact').focus();
    await until(() => partsFetched().includes('people-picker'), 'the people search was not loaded');
    // What a refused save shows loads only when the server refuses one.
    expect(partsFetched()).not.to.include('conflict-review');
  });

  it('shows the billing details from the API, each in a labelled control', async () => {
    const el = await editor();
    const { details: d } = await client.getBillingDetails();
    expect(recipientInputs(el).map((i) => i.value)).to.deep.equal(d.recipients);
    expect($<HTMLInputElement>(el, '#contact').value).to.equal(d.contact!.name);
    expect(text($(el, '#contact-about'))).to.include(d.contact!.email!);
    expect($<HTMLInputElement>(el, '#line1').value).to.equal(d.address.line1);
    expect($<HTMLInputElement>(el, '#postalCode').value).to.equal(d.address.postalCode);
    expect($<HTMLInputElement>(el, '#city').value).to.equal(d.address.city);
    expect($<HTMLSelectElement>(el, '#country').value).to.equal(d.address.country);
    expect($(el, '#einvoice-enabled').getAttribute('aria-checked')).to.equal(String(d.eInvoicing.enabled));
    expect($<HTMLInputElement>(el, '#po-number').value).to.equal(d.poNumber);
    expect(status(el)).to.equal('Changes save automatically');
    // Two recipients: no recommendation.
    expect($(el, '[part=recommendation]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows company name and VAT number read-only, saying where to change them', async () => {
    const el = await editor();
    const { details: d } = await client.getBillingDetails({ lang: 'en' });
    const company = $(el, '[part~=company]');
    expect(text(company.querySelector('.company-name'))).to.equal(d.companyName);
    expect(text(company.querySelector('.vat-number'))).to.equal(d.vatNumber);
    expect(text(company)).to.include(`Change them in ${d.companyManagedAt}.`);
    expect(company.querySelector('input, select, textarea, [contenteditable]')).to.equal(null);
    const values = all<HTMLInputElement>(el, 'input').map((i) => i.value);
    expect(values).not.to.include(d.companyName);
  });

  it("says where to change them in the host's own words, in the reader's language", async () => {
    const el = await editor(
      html`<billing-provider base-url=${BASE_URL} lang="de"
        ><billing-contacts-editor></billing-contacts-editor
      ></billing-provider>`,
    );
    await until(() => text($(el, '[part~=company]')).includes('Konto › Unternehmensprofil'), 'no German place');
    // The element follows a change of language, asking the backend again for its words.
    el.closest('billing-provider')!.setAttribute('lang', 'nl');
    await until(() => text($(el, '[part~=company]')).includes('Account › Bedrijfsprofiel'), 'no Dutch place');
  });

  describe('invoice recipients', () => {
    it('marks an invalid e-mail address next to the field when it is left, and does not save it', async () => {
      const el = await editor();
      const before = details().version;
      const input = await addRecipient(el, 'finance@@example');
      await leave();
      await until(() => fieldError(el, input).invalid === 'true', 'not marked invalid');
      expect(fieldError(el, input).message).to.equal('"finance@@example" is not a valid e-mail address.');
      expect(status(el)).to.equal('Not saved: correct the marked fields.');
      await expect(el).to.be.accessible();
      // As the user types a fix, the message goes away and the address is saved.
      await typeInto(input, 'finance@example.com');
      await until(() => fieldError(el, input).invalid === 'false', 'still marked invalid after the fix');
      await saved(el);
      expect(details().recipients).to.include('finance@example.com');
      expect(details().version).to.equal(before + 1);
    });

    it('refuses a duplicate address, ignoring case', async () => {
      const el = await editor();
      const first = recipientInputs(el)[0]!.value;
      const input = await addRecipient(el, first.toUpperCase());
      await leave();
      await until(() => fieldError(el, input).invalid === 'true', 'duplicate not marked');
      expect(fieldError(el, input).message).to.equal(`${first.toUpperCase()} is already in the list.`);
      expect(details().recipients.length).to.equal(2);
      await expect(el).to.be.accessible();
    });

    it('adds a row on the first click even when leaving an invalid address shows its message', async () => {
      const el = await editor();
      await addRecipient(el, 'not-an-address');
      // The message appears above the button only after the click: the button does not move away.
      await click($(el, '[part=add-button]'));
      await until(() => recipientInputs(el).length === 4, 'the click was lost');
      await until(() => fieldError(el, recipientInputs(el)[2]!).invalid === 'true', 'the left field was not marked');
      expect(shadow(el).activeElement).to.equal(recipientInputs(el)[3]);
    });

    it('refuses to remove the last recipient, with a message', async () => {
      store().loadScenario('workplace-trial');
      const el = await editor();
      expect(recipientInputs(el).length).to.equal(1);
      const remove = $<HTMLButtonElement>(el, '[part=remove-button]');
      expect(text(remove)).to.include(recipientInputs(el)[0]!.value);
      remove.click();
      const notice = await find(el, '.notice[role=alert]');
      expect(text(notice)).to.equal(
        'Invoices need at least one recipient. Add another address before removing this one.',
      );
      expect(recipientInputs(el).length).to.equal(1);
      await expect(el).to.be.accessible();
    });

    it('removes a recipient and saves, moving focus to the next row', async () => {
      const el = await editor();
      const [first, second] = recipientInputs(el).map((i) => i.value);
      all<HTMLButtonElement>(el, '[part=remove-button]')[0]!.click();
      await until(() => recipientInputs(el).length === 1, 'row not removed');
      expect(shadow(el).activeElement).to.equal(recipientInputs(el)[0]);
      await saved(el);
      expect(details().recipients).to.deep.equal([second]);
      expect(details().recipients).not.to.include(first);
    });

    it('edits an address in place and says when it is invalid as the user types, once left', async () => {
      const el = await editor();
      const input = recipientInputs(el)[0]!;
      await typeInto(input, 'billing@lumen.example');
      await saved(el);
      expect(details().recipients[0]).to.equal('billing@lumen.example');
    });

    it('recommends a second recipient while there is only one, until one is added', async () => {
      store().loadScenario('workplace-trial');
      const el = await editor();
      const { details: d } = await client.getBillingDetails();
      expect(d.recommendations).to.deep.equal(['add-second-recipient']);
      const advice = await find(el, '[part=recommendation]');
      expect(text(advice)).to.include('Add a second recipient');
      expect(text(advice)).to.include('late payment');
      await expect(el).to.be.accessible();
      await addRecipient(el, 'second@northstar-retail.example');
      await until(() => !$(el, '[part=recommendation]'), 'advice still shown with two recipients');
      await saved(el);
      expect((await client.getBillingDetails()).details.recommendations).to.deep.equal([]);
    });
  });

  describe('auto-save', () => {
    it('saves after the user stops typing, says "Saved" and tells the host', async () => {
      const el = await editor();
      const changed = oneEvent(el, 'billing-change') as Promise<BillingChangeEvent>;
      const po = $<HTMLInputElement>(el, '#po-number');
      await typeInto(po, 'PO-2027-01');
      expect(status(el)).to.equal('Unsaved changes');
      await until(() => status(el) === 'Saving…' || status(el) === 'Saved', 'never saved');
      await saved(el);
      const event = await changed;
      expect(event.topic).to.equal('details');
      expect(store().world.subscription.poNumber).to.equal('PO-2027-01');
      expect(po.value).to.equal('PO-2027-01');
      await expect(el).to.be.accessible();
    });

    it('sends one save for a burst of typing (debounced), with If-Match', async () => {
      const { client: counting, count } = countingClient();
      const el = await editor(html`<billing-contacts-editor .client=${counting} lang="en"></billing-contacts-editor>`);
      await typeInto($<HTMLInputElement>(el, '#city'), 'Amersfoort');
      await saved(el);
      expect(count('PUT')).to.equal(1);
      expect(details().address.city).to.equal('Amersfoort');
    });

    it('saves at once when a field is left', async () => {
      const el = await editor(
        html`<billing-provider base-url=${BASE_URL} lang="en"
          ><billing-contacts-editor save-delay="60000"></billing-contacts-editor
        ></billing-provider>`,
      );
      await typeInto($<HTMLInputElement>(el, '#line2'), 'Floor 3');
      await leave();
      await saved(el);
      expect(details().address.line2).to.equal('Floor 3');
    });

    it('saves at once when a script moves the focus away, too', async () => {
      const el = await editor(
        html`<billing-provider base-url=${BASE_URL} lang="en"
          ><billing-contacts-editor save-delay="60000"></billing-contacts-editor
        ></billing-provider>`,
      );
      await typeInto($<HTMLInputElement>(el, '#line2'), 'Floor 4');
      $<HTMLInputElement>(el, '#city').focus();
      await saved(el);
      expect(details().address.line2).to.equal('Floor 4');
    });

    it('queues an edit made while a save is on its way, and sends the newest after it', async () => {
      store().setFaults([{ operation: 'putBillingDetails', kind: 'latency', latencyMs: 700 }]);
      const el = await editor(
        html`<billing-provider base-url=${BASE_URL} lang="en"
          ><billing-contacts-editor save-delay="100"></billing-contacts-editor
        ></billing-provider>`,
      );
      const po = $<HTMLInputElement>(el, '#po-number');
      await typeInto(po, 'A-1');
      await until(() => status(el) === 'Saving…', 'not saving');
      await sendKeys({ type: '23' });
      await leave();
      await saved(el);
      await until(() => store().world.subscription.poNumber === 'A-123', 'the newest edit was not saved');
      expect(po.value).to.equal('A-123');
      expect(status(el)).to.equal('Saved');
    });

    it('keeps every edit through a server error, and the retry saves it', async () => {
      store().setFaults([{ operation: 'putBillingDetails', kind: 'error-500', times: 1 }]);
      const el = await editor();
      const before = structuredClone(details());
      const input = await addRecipient(el, 'ap@lumen.example');
      await until(() => status(el).startsWith('Not saved.'), 'no failure shown');
      expect(status(el)).to.equal(
        'Not saved. The billing service had a problem. Try again in a moment. Your changes are kept.',
      );
      expect(input.value).to.equal('ap@lumen.example');
      expect(recipientInputs(el).map((i) => i.value)).to.include('ap@lumen.example');
      expect(details()).to.deep.equal(before);
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '[part=retry-button]').click();
      await saved(el);
      expect(details().recipients).to.include('ap@lumen.example');
      expect($(el, '[part=retry-button]')).to.equal(null);
    });

    it('keeps every edit through a network error, also the ones made after it, and retries them all', async () => {
      store().setFaults([{ operation: 'putBillingDetails', kind: 'network-error', times: 1 }]);
      const el = await editor();
      await typeInto($<HTMLInputElement>(el, '#city'), 'Zeist');
      await until(() => status(el).includes('could not be reached'), 'no network failure shown');
      expect(store().world.billingDetails!.address.city).not.to.equal('Zeist');
      expect($<HTMLInputElement>(el, '#city').value).to.equal('Zeist');
      // The user goes on editing after the failure; nothing resets the form.
      const po = $<HTMLInputElement>(el, '#po-number');
      po.focus();
      po.select();
      await sendKeys({ type: 'NET-1' });
      await saved(el);
      expect(details().address.city).to.equal('Zeist');
      expect(store().world.subscription.poNumber).to.equal('NET-1');
    });
  });

  describe('when someone else saved first', () => {
    /** Their edit of the city and PO number; I change the PO number too. */
    async function conflicted(): Promise<BillingContactsEditor> {
      const el = await editor();
      await theirEdit((d) => ({ ...d, address: { ...d.address, city: 'Their City' }, poNumber: 'THEIRS-1' }));
      await typeInto($<HTMLInputElement>(el, '#po-number'), 'MINE-1');
      await find(el, '[part=conflict]');
      return el;
    }

    const rows = (el: HTMLElement): string[][] =>
      [...$(el, '[part=conflict]').querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => text(c)));

    it('compares only the fields both changed; what only they changed is taken into the form', async () => {
      const el = await conflicted();
      expect(status(el)).to.equal('Not saved: someone else changed these details. Choose which version to keep.');
      const panel = $(el, '[part=conflict]');
      expect(text(panel.querySelector('h3'))).to.equal('Someone else changed these details');
      expect(rows(el)).to.deep.equal([['PO number (optional)', 'MINE-1', 'THEIRS-1']]);
      expect(text(panel)).to.include(
        'Their changes to City are in your version already. Only the fields below were changed by both of you.',
      );
      expect($<HTMLInputElement>(el, '#city').value).to.equal('Their City');
      expect(store().world.subscription.poNumber).to.equal('THEIRS-1');
      expect(details().address.city).to.equal('Their City');
      await expect(el).to.be.accessible();
    });

    it('"Use theirs" replaces the form with their version', async () => {
      const el = await conflicted();
      const version = details().version;
      $<HTMLButtonElement>(el, '[part=use-theirs-button]').click();
      await until(() => !$(el, '[part=conflict]'), 'panel still shown');
      expect($<HTMLInputElement>(el, '#po-number').value).to.equal('THEIRS-1');
      expect($<HTMLInputElement>(el, '#city').value).to.equal('Their City');
      expect(status(el)).to.equal('Showing the version someone else saved.');
      expect(details().version).to.equal(version);
      // Editing goes on from their version.
      await typeInto($<HTMLInputElement>(el, '#po-number'), 'NEXT-2');
      await saved(el);
      expect(store().world.subscription.poNumber).to.equal('NEXT-2');
      expect(details().address.city).to.equal('Their City');
    });

    it('"Keep mine" saves my value of what both changed, with their other changes and the new version tag', async () => {
      const el = await conflicted();
      const changed = oneEvent(el, 'billing-change');
      $<HTMLButtonElement>(el, '[part=keep-mine-button]').click();
      await until(() => status(el).startsWith('Saved'), `status never "Saved" (was "${status(el)}")`);
      await changed;
      expect(status(el)).to.equal('Saved, with the changes someone else made meanwhile to City.');
      expect($(el, '[part=conflict]')).to.equal(null);
      expect(store().world.subscription.poNumber).to.equal('MINE-1');
      // Their city: I never touched it.
      expect(details().address.city).to.equal('Their City');
    });

    it('saves at once, without a review, when they changed other fields than I did: both are kept', async () => {
      const el = await editor();
      await theirEdit((d) => ({ ...d, address: { ...d.address, city: 'Their City' } }));
      const before = details().version;
      const changed = oneEvent(el, 'billing-change');
      await typeInto($<HTMLInputElement>(el, '#po-number'), 'MINE-2');
      await leave();
      await until(() => status(el).startsWith('Saved'), `status never "Saved" (was "${status(el)}")`);
      await changed;
      expect(status(el)).to.equal('Saved, with the changes someone else made meanwhile to City.');
      expect($(el, '[part=conflict]')).to.equal(null);
      expect(details().address.city).to.equal('Their City');
      expect(store().world.subscription.poNumber).to.equal('MINE-2');
      expect(details().version).not.to.equal(before);
      expect($<HTMLInputElement>(el, '#city').value).to.equal('Their City');
      expect($<HTMLInputElement>(el, '#po-number').value).to.equal('MINE-2');
      await expect(el).to.be.accessible();
      // The next edit is saved over the merged version, and says nothing more of theirs.
      await typeInto($<HTMLInputElement>(el, '#po-number'), 'MINE-3');
      await leave();
      await saved(el);
      expect(store().world.subscription.poNumber).to.equal('MINE-3');
      expect(details().address.city).to.equal('Their City');
    });

    /**
     * I change the PO number and the city (the PO number's save is slow, so both are in my
     * draft when it is refused); meanwhile they change the city and the second address line.
     */
    async function bothChangedTheCity(): Promise<BillingContactsEditor> {
      store().setFaults([{ operation: 'putBillingDetails', kind: 'latency', latencyMs: 1500, times: 1 }]);
      const el = await editor();
      await typeInto($<HTMLInputElement>(el, '#po-number'), 'MINE-4');
      // Leaving the PO number sends it (slowly); the city is typed while it is on its way.
      await typeInto($<HTMLInputElement>(el, '#city'), 'My City');
      await theirEdit((d) => ({ ...d, address: { ...d.address, city: 'Their City', line2: 'Their floor' } }));
      await leave();
      await find(el, '[part=conflict]');
      expect(rows(el)).to.deep.equal([['City', 'My City', 'Their City']]);
      expect($<HTMLInputElement>(el, '#line2').value).to.equal('Their floor');
      expect($<HTMLInputElement>(el, '#po-number').value).to.equal('MINE-4');
      expect(details().address.city).to.equal('Their City');
      expect(store().world.subscription.poNumber).not.to.equal('MINE-4');
      return el;
    }

    it('when both changed the city, compares only the city; "Keep mine" keeps my city and their other change', async () => {
      const el = await bothChangedTheCity();
      $<HTMLButtonElement>(el, '[part=keep-mine-button]').click();
      await until(() => status(el).startsWith('Saved'), `status never "Saved" (was "${status(el)}")`);
      expect(status(el)).to.equal('Saved, with the changes someone else made meanwhile to Address line 2 (optional).');
      expect(details().address.city).to.equal('My City');
      expect(details().address.line2).to.equal('Their floor');
      expect(store().world.subscription.poNumber).to.equal('MINE-4');
    });

    it('when both changed the city, "Use theirs" takes their city and still saves my PO number', async () => {
      const el = await bothChangedTheCity();
      $<HTMLButtonElement>(el, '[part=use-theirs-button]').click();
      await until(() => status(el).startsWith('Saved'), `status never "Saved" (was "${status(el)}")`);
      expect($<HTMLInputElement>(el, '#city').value).to.equal('Their City');
      expect(details().address.city).to.equal('Their City');
      expect(details().address.line2).to.equal('Their floor');
      expect(store().world.subscription.poNumber).to.equal('MINE-4');
      expect($(el, '[part=conflict]')).to.equal(null);
    });

    it('never reverts a field I did not touch; recipients both changed keep what either added and removed', async () => {
      const el = await editor();
      const [first, second] = details().recipients;
      const people = (await client.searchPeople('jansen', 8)).items;
      // They drop the second recipient, add one, change the contact and the postal code.
      await theirEdit((d) => ({
        ...d,
        recipients: [first!, 'theirs@lumen.example'],
        contact: { personId: people[0]!.id },
        address: { ...d.address, postalCode: '9999 ZZ' },
      }));
      // I add a recipient and change the city.
      await addRecipient(el, 'mine@lumen.example');
      await typeInto($<HTMLInputElement>(el, '#city'), 'My City');
      await leave();
      await until(() => details().address.city === 'My City', 'my city was not saved');
      await until(() => status(el).startsWith('Saved'), `status never "Saved" (was "${status(el)}")`);
      expect($(el, '[part=conflict]')).to.equal(null);
      const d = details();
      expect(d.recipients).to.deep.equal([first, 'theirs@lumen.example', 'mine@lumen.example']);
      expect(d.recipients).not.to.include(second);
      expect(d.contact?.personId).to.equal(people[0]!.id);
      expect(d.address.postalCode).to.equal('9999 ZZ');
      expect(d.address.city).to.equal('My City');
      expect(recipientInputs(el).map((i) => i.value)).to.deep.equal(d.recipients);
      expect($<HTMLInputElement>(el, '#contact').value).to.equal(people[0]!.name);
    });
  });

  describe('e-invoicing', () => {
    const standalone = (c: BillingClient) =>
      html`<billing-contacts-editor .client=${c} lang="en" save-delay="100"></billing-contacts-editor>`;

    it('turned on, shows its required fields without an error and sends nothing; turned off again, nothing is unsaved', async () => {
      const { client: counting, count } = countingClient();
      const el = await editor(standalone(counting));
      const toggle = $<HTMLButtonElement>(el, '#einvoice-enabled');
      await click(toggle);
      const address = await find<HTMLInputElement>(el, '#einvoice-address');
      const operator = $<HTMLInputElement>(el, '#operator-code');
      expect(toggle.getAttribute('aria-checked')).to.equal('true');
      await sleep(600);
      expect(count('PUT')).to.equal(0);
      expect(address.required && operator.required).to.equal(true);
      expect(fieldError(el, address)).to.deep.equal({ invalid: 'false', message: '' });
      expect(fieldError(el, operator)).to.deep.equal({ invalid: 'false', message: '' });
      expect(all(el, '[part=field-error]')).to.deep.equal([]);
      expect(status(el)).to.equal('Unsaved changes');
      await expect(el).to.be.accessible();

      await click(toggle);
      await until(() => !$(el, '#einvoice-address'), 'e-invoice fields still shown');
      await sleep(300);
      expect(count('PUT')).to.equal(0);
      expect(status(el)).to.equal('Changes save automatically');
      expect(leavingPrevented()).to.equal(false);
      expect(details().eInvoicing.enabled).to.equal(false);
    });

    it('saves the switch together with its address and operator code once both are filled', async () => {
      const { client: counting, count } = countingClient();
      const el = await editor(standalone(counting));
      await click($<HTMLButtonElement>(el, '#einvoice-enabled'));
      await typeInto(await find<HTMLInputElement>(el, '#einvoice-address'), '0037123456789');
      await sleep(400);
      expect(count('PUT')).to.equal(0);
      await typeInto($<HTMLInputElement>(el, '#operator-code'), 'E204503');
      await saved(el);
      expect(count('PUT')).to.equal(1);
      expect(details().eInvoicing).to.deep.equal({
        enabled: true,
        address: '0037123456789',
        operatorCode: 'E204503',
      });
      expect(all(el, '[part=field-error]')).to.deep.equal([]);
    });

    it('marks an empty required field once it is left, both once the section is; other edits are saved meanwhile', async () => {
      const el = await editor(standalone(client));
      await click($<HTMLButtonElement>(el, '#einvoice-enabled'));
      const address = await find<HTMLInputElement>(el, '#einvoice-address');
      const operator = $<HTMLInputElement>(el, '#operator-code');
      address.focus();
      await leave();
      await until(() => fieldError(el, address).invalid === 'true', 'address not marked');
      expect(fieldError(el, address).message).to.equal('Fill in this field.');
      // The operator code has the focus now: not marked before it is left.
      expect(shadow(el).activeElement).to.equal(operator);
      expect(fieldError(el, operator).invalid).to.equal('false');
      await until(() => status(el) === 'Not saved: correct the marked fields.', `status was "${status(el)}"`);
      await expect(el).to.be.accessible();

      // Leaving the section for another field: both are marked, and that field's edit is saved without e-invoicing.
      await typeInto($<HTMLInputElement>(el, '#po-number'), 'PO-E-1');
      await until(() => fieldError(el, operator).invalid === 'true', 'operator code not marked');
      await leave();
      await until(() => store().world.subscription.poNumber === 'PO-E-1', 'the other edit was not saved');
      expect(details().eInvoicing.enabled).to.equal(false);
      // Saved, but not the switch: the status still asks for its fields.
      await until(() => status(el) === 'Not saved: correct the marked fields.', `status was "${status(el)}"`);

      await typeInto(address, '0037123456789');
      await typeInto(operator, 'E204503');
      await leave();
      await saved(el);
      expect(details().eInvoicing).to.deep.equal({ enabled: true, address: '0037123456789', operatorCode: 'E204503' });
      expect(all(el, '[part=field-error]')).to.deep.equal([]);
    });
  });

  describe('server field errors', () => {
    it('shows a required address field the server refuses, and keeps the edit', async () => {
      const el = await editor();
      const city = $<HTMLInputElement>(el, '#city');
      await typeInto(city, '');
      await leave();
      await until(() => fieldError(el, city).invalid === 'true', 'city not marked');
      // Worded by the kit from the server's code (`required`), in the reader's language.
      expect(fieldError(el, city).message).to.equal('Fill in this field.');
      expect(city.value).to.equal('');
      expect(details().address.city).not.to.equal('');
    });
  });

  describe('billing contact', () => {
    it('picks a person of the organisation with the keyboard (ARIA combobox)', async () => {
      const el = await editor();
      const people = (await client.searchPeople('an', 8)).items;
      const target = people[1]!;
      const combo = $<HTMLInputElement>(el, '#contact');
      expect(combo.getAttribute('role')).to.equal('combobox');
      expect(combo.getAttribute('aria-expanded')).to.equal('false');
      await typeInto(combo, 'an');
      await until(() => combo.getAttribute('aria-expanded') === 'true', 'the list never opened');
      const listbox = $(el, `#${combo.getAttribute('aria-controls')}`);
      expect(listbox.getAttribute('role')).to.equal('listbox');
      await until(() => listbox.querySelectorAll('[role=option]').length === people.length, 'wrong options');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      const active = shadow(el).getElementById(combo.getAttribute('aria-activedescendant')!)!;
      expect(active.getAttribute('aria-selected')).to.equal('true');
      expect(text(active)).to.include(target.name);
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Enter' });
      expect(combo.getAttribute('aria-expanded')).to.equal('false');
      await until(() => combo.value === target.name, 'the pick did not fill the field');
      expect(text($(el, '#contact-about'))).to.include(target.email);
      await saved(el);
      expect(details().contact).to.deep.include({ personId: target.id });
    });

    it('picks a person with the mouse', async () => {
      const el = await editor();
      const target = (await client.searchPeople('jansen', 8)).items[0]!;
      const combo = $<HTMLInputElement>(el, '#contact');
      await typeInto(combo, 'jansen');
      await until(() => all(el, '[role=option]').some((o) => text(o).includes(target.email)), 'no options');
      await click(all(el, '[role=option]').find((o) => text(o).includes(target.email))!);
      await until(() => combo.value === target.name, 'the click did not pick');
      expect(shadow(el).activeElement).to.equal(combo);
      await saved(el);
      expect(details().contact).to.deep.include({ personId: target.id });
    });

    it('closes the list with Escape without picking', async () => {
      const el = await editor();
      const combo = $<HTMLInputElement>(el, '#contact');
      combo.focus();
      await sendKeys({ press: 'ArrowDown' });
      await until(() => combo.getAttribute('aria-expanded') === 'true', 'ArrowDown did not open the list');
      await until(() => combo.getAttribute('aria-activedescendant'), 'no first option active');
      await sendKeys({ press: 'Escape' });
      expect(combo.getAttribute('aria-expanded')).to.equal('false');
      expect(combo.hasAttribute('aria-activedescendant')).to.equal(false);
    });

    it('takes a typed e-mail address as the contact', async () => {
      const el = await editor();
      await typeInto($<HTMLInputElement>(el, '#contact'), 'ap@outsourced.example');
      await leave();
      await saved(el);
      expect(details().contact).to.deep.equal({ email: 'ap@outsourced.example' });
      expect(text($(el, '#contact-about'))).to.include('not a person of your organisation');
    });

    it('says a typed contact that is neither a person nor an e-mail address needs fixing', async () => {
      const el = await editor();
      const combo = $<HTMLInputElement>(el, '#contact');
      await typeInto(combo, 'nobody at all');
      // While the user is still typing (maybe searching for someone), the field is not marked.
      await new Promise((r) => setTimeout(r, 1200));
      expect(fieldError(el, combo).invalid).to.equal('false');
      await leave();
      await until(() => fieldError(el, combo).invalid === 'true', 'contact not marked');
      expect(fieldError(el, combo).message).to.equal('Pick a person from the list or enter a valid e-mail address.');
      expect(details().contact?.personId).to.equal('p-00002');
    });
  });

  describe('scenarios', () => {
    it('severa-prepaid: e-invoicing is on with its address and operator code; turning it off saves', async () => {
      store().loadScenario('severa-prepaid');
      const el = await editor();
      const { details: d } = await client.getBillingDetails();
      expect($(el, '#einvoice-enabled').getAttribute('aria-checked')).to.equal('true');
      expect($<HTMLInputElement>(el, '#einvoice-address').value).to.equal(d.eInvoicing.address);
      expect($<HTMLInputElement>(el, '#operator-code').value).to.equal(d.eInvoicing.operatorCode);
      expect($(el, '#einvoice-enabled').getAttribute('role')).to.equal('switch');
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '#einvoice-enabled').click();
      await until(() => !$(el, '#operator-code'), 'e-invoice fields still shown');
      await saved(el);
      expect(details().eInvoicing).to.deep.equal({ enabled: false });
      // The billing address stays required and filled.
      expect(details().address.line1).to.equal(d.address.line1);
    });

    it('workplace-trial: a typed contact with a name, one recipient and no VAT number', async () => {
      store().loadScenario('workplace-trial');
      const el = await editor();
      const { details: d } = await client.getBillingDetails();
      expect($<HTMLInputElement>(el, '#contact').value).to.equal(d.contact!.email);
      expect(text($(el, '#contact-about'))).to.include(d.contact!.name!);
      expect(text($(el, '.vat-number'))).to.equal(d.vatNumber ?? 'Not set');
      expect(text($(el, '[part~=company]'))).to.include(d.companyManagedAt!);
    });

    it('shows a change made elsewhere when the provider refreshes, if nothing is being edited', async () => {
      const el = await editor();
      await theirEdit((d) => ({ ...d, poNumber: 'FROM-ELSEWHERE' }));
      (el.parentElement as BillingProvider).refresh();
      await until(() => $<HTMLInputElement>(el, '#po-number').value === 'FROM-ELSEWHERE', 'not refreshed');
    });
  });

  describe('when a part of the editor cannot be loaded', () => {
    it('keeps an edit when the editing part cannot be loaded, and Retry saves it', async () => {
      const broken = breakPart('editing');
      const el = await editor();
      const po = $<HTMLInputElement>(el, '#po-number');
      try {
        await typeInto(po, 'KEPT-1');
        await until(() => status(el).startsWith('Not saved.'), 'no failure shown');
        expect(status(el)).to.equal(
          'Not saved. Part of the editor could not be loaded. Check your connection. Your changes are kept.',
        );
        expect(po.value).to.equal('KEPT-1');
        await expect(el).to.be.accessible();
      } finally {
        broken.restore();
      }
      $<HTMLButtonElement>(el, '[part=retry-button]').click();
      await saved(el);
      expect(store().world.subscription.poNumber).to.equal('KEPT-1');
      expect(po.value).to.equal('KEPT-1');
    });

    it('says when the people search cannot be loaded; a typed address still works, and Try again searches', async () => {
      const broken = breakPart('picker');
      const el = await editor();
      const combo = $<HTMLInputElement>(el, '#contact');
      try {
        await typeInto(combo, 'an');
        const notice = await find(el, '.contact [role=alert]');
        expect(text(notice)).to.include('People could not be searched. You can still type an e-mail address.');
        expect(combo.getAttribute('aria-expanded')).to.equal('false');
        await expect(el).to.be.accessible();
      } finally {
        broken.restore();
      }
      $<HTMLButtonElement>(el, '.contact [role=alert] button').click();
      await until(() => combo.getAttribute('aria-expanded') === 'true', 'the list never opened');
      expect(shadow(el).activeElement).to.equal(combo);
      expect($(el, '.contact [role=alert]')).to.equal(null);
      const first = text(all(el, '[role=option]')[0]!.querySelector('.person-name'));
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      await until(() => combo.value === first, 'the pick did not fill the field');
      await saved(el);
      expect(details().contact?.name).to.equal(first);
    });

    it('says when what a conflict needs cannot be loaded, keeps the edit, and Retry shows the conflict', async () => {
      const broken = breakPart('review');
      const el = await editor();
      const po = $<HTMLInputElement>(el, '#po-number');
      try {
        await theirEdit((d) => ({ ...d, poNumber: 'THEIRS-1' }));
        await typeInto(po, 'MINE-1');
        await until(() => status(el).startsWith('Not saved.'), 'no failure shown');
        expect(status(el)).to.equal(
          'Not saved. Part of the editor could not be loaded. Check your connection. Your changes are kept.',
        );
        expect(po.value).to.equal('MINE-1');
        expect(store().world.subscription.poNumber).to.equal('THEIRS-1');
      } finally {
        broken.restore();
      }
      $<HTMLButtonElement>(el, '[part=retry-button]').click();
      const panel = await find(el, '[part=conflict]');
      const rows = [...panel.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => text(c)));
      expect(rows).to.deep.equal([['PO number (optional)', 'MINE-1', 'THEIRS-1']]);
      expect(store().world.subscription.poNumber).to.equal('THEIRS-1');
    });
  });

  describe('no edit is lost', () => {
    it('keeps an edit the auto-save had not sent over a reload, says so once, and Discard returns to the saved version', async () => {
      const el = await editor(page(60_000));
      const saved = store().world.subscription.poNumber;
      const version = details().version;
      await typeInto($<HTMLInputElement>(el, '#po-number'), 'KEPT-1');
      expect(status(el)).to.equal('Unsaved changes');
      expect(restored(el)).to.equal(null);

      const again = await reload(el, () => page(100));
      expect($<HTMLInputElement>(again, '#po-number').value).to.equal('KEPT-1');
      const notice = restored(again)!;
      expect(text(notice.querySelector('h3'))).to.equal('Restored unsaved changes');
      expect(text(notice)).to.include('not saved before the page was left');
      // Announced once, by the form's live region (the notice itself is no live region).
      await until(() => announced(again) === 'Restored unsaved changes', 'not announced');
      expect(notice.closest('[role=status], [role=alert], [aria-live]')).to.equal(null);
      expect(status(again)).to.equal('Unsaved changes');
      await expect(again).to.be.accessible();
      // It waits for the user: nothing is sent on its own.
      await sleep(500);
      expect(store().world.subscription.poNumber).to.equal(saved);
      expect(details().version).to.equal(version);

      $<HTMLButtonElement>(again, '[part=discard-button]').click();
      await until(() => restored(again) === null, 'the notice stayed');
      expect($<HTMLInputElement>(again, '#po-number').value).to.equal(saved);
      expect(status(again)).to.equal('Changes save automatically');
      expect(announced(again)).to.equal('Unsaved changes discarded.');
      expect(shadow(again).activeElement?.id).to.equal('title');
      await until(() => keptDrafts() === 0, 'the discarded draft is still kept');
      // Nothing comes back on the next load.
      const third = await reload(again);
      expect(restored(third)).to.equal(null);
      expect($<HTMLInputElement>(third, '#po-number').value).to.equal(saved);
      expect(details().version).to.equal(version);
    });

    it('keeps an edit that was on its way when the page was reloaded; Save settles it', async () => {
      store().setFaults([{ operation: 'putBillingDetails', kind: 'latency', latencyMs: 1500 }]);
      // Saved when the field is left, not while typing: a save sent after the first keys
      // (typing slower than a short save delay) would carry part of the value, and the rest
      // would go with the page.
      const el = await editor(page(60_000));
      await typeInto($<HTMLInputElement>(el, '#po-number'), 'SLOW-1');
      await leave();
      await until(() => status(el) === 'Saving…', 'not saving');
      expect(leavingPrevented()).to.equal(true);

      const again = await reload(el, () => page(100));
      expect($<HTMLInputElement>(again, '#po-number').value).to.equal('SLOW-1');
      expect(restored(again)).not.to.equal(null);
      // The save sent before the reload lands after it: the restored edit is not lost, nor saved twice.
      store().setFaults([]);
      await until(() => store().world.subscription.poNumber === 'SLOW-1', 'the save sent before the reload was lost');
      $<HTMLButtonElement>(again, '[part=save-button]').click();
      await saved(again);
      expect(restored(again)).to.equal(null);
      expect(store().world.subscription.poNumber).to.equal('SLOW-1');
      expect($(again, '[part=conflict]')).to.equal(null);
      await until(() => keptDrafts() === 0, 'the saved draft is still kept');
    });

    it('keeps an edit whose save failed ("Your changes are kept") over a reload, and saves it when asked', async () => {
      store().setFaults([{ operation: 'putBillingDetails', kind: 'error-500' }]);
      const el = await editor();
      await typeInto($<HTMLInputElement>(el, '#city'), 'Zeist');
      await until(() => status(el).startsWith('Not saved.'), 'no failure shown');
      expect(leavingPrevented()).to.equal(true);
      store().setFaults([]);

      const again = await reload(el);
      expect($<HTMLInputElement>(again, '#city').value).to.equal('Zeist');
      expect(text(restored(again))).to.include('Restored unsaved changes');
      expect(details().address.city).not.to.equal('Zeist');
      const changed = oneEvent(again, 'billing-change');
      $<HTMLButtonElement>(again, '[part=save-button]').click();
      // The button goes with the notice: the focus stays in the editor.
      await until(() => shadow(again).activeElement?.id === 'title', 'the focus left the editor');
      await saved(again);
      await changed;
      expect(details().address.city).to.equal('Zeist');
      expect(restored(again)).to.equal(null);
      expect(leavingPrevented()).to.equal(false);
      await until(() => keptDrafts() === 0, 'the saved draft is still kept');
    });

    it('saves a restored edit as soon as the user goes on editing it', async () => {
      const el = await editor(page(60_000));
      await typeInto($<HTMLInputElement>(el, '#line2'), 'Floor 5');
      const again = await reload(el, () => page(100));
      expect($<HTMLInputElement>(again, '#line2').value).to.equal('Floor 5');
      const po = $<HTMLInputElement>(again, '#po-number');
      await typeInto(po, 'GO-ON-1');
      await saved(again);
      expect(details().address.line2).to.equal('Floor 5');
      expect(store().world.subscription.poNumber).to.equal('GO-ON-1');
      expect(restored(again)).to.equal(null);
    });

    it('sends a restored edit whose details someone else changed meanwhile to the comparison, never over theirs', async () => {
      const el = await editor(page(60_000));
      await typeInto($<HTMLInputElement>(el, '#po-number'), 'MINE-9');
      leavePage(el);
      await theirEdit((d) => ({ ...d, poNumber: 'THEIRS-9' }));

      const again = await editor(page(100));
      const panel = await find(again, '[part=conflict]');
      const rows = [...panel.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => text(c)));
      expect(rows).to.deep.equal([['PO number (optional)', 'MINE-9', 'THEIRS-9']]);
      expect(status(again)).to.equal('Not saved: someone else changed these details. Choose which version to keep.');
      expect(text(restored(again))).to.include('Restored unsaved changes');
      await expect(again).to.be.accessible();
      await sleep(400);
      expect(store().world.subscription.poNumber).to.equal('THEIRS-9');
      // Kept as it is over another reload: the comparison comes back.
      const third = await reload(again, () => page(100));
      await find(third, '[part=conflict]');
      $<HTMLButtonElement>(third, '[part=keep-mine-button]').click();
      await saved(third);
      expect(store().world.subscription.poNumber).to.equal('MINE-9');
      await until(() => keptDrafts() === 0, 'the saved draft is still kept');
    });

    describe('restored over a version someone else saved meanwhile', () => {
      const rows = (el: HTMLElement): string[][] =>
        [...$(el, '[part=conflict]').querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => text(c)));

      /**
       * I type `mine` and leave the page before it is saved (leaving a field saves at once:
       * those saves fail); meanwhile someone else saves `theirs`.
       */
      async function keptOver(
        mine: (el: BillingContactsEditor) => Promise<void>,
        theirs: (d: BillingDetailsInput) => BillingDetailsInput,
        old?: (record: Record<string, unknown>) => void,
      ): Promise<BillingContactsEditor> {
        store().setFaults([{ operation: 'putBillingDetails', kind: 'error-500' }]);
        const el = await editor(page(60_000));
        await mine(el);
        leavePage(el);
        store().setFaults([]);
        if (old) {
          const key = draftKey(BASE_URL, (await client.getMe()).tenantId);
          const record = JSON.parse(sessionStorage.getItem(key)!) as Record<string, unknown>;
          old(record);
          sessionStorage.setItem(key, JSON.stringify(record));
        }
        await theirEdit(theirs);
        return editor(page(100));
      }

      it('takes what only they changed without asking, keeps mine, says so, and waits for Save', async () => {
        const before = structuredClone(details());
        const po = store().world.subscription.poNumber;
        const again = await keptOver(
          (el) => typeInto($<HTMLInputElement>(el, '#po-number'), 'MINE-A'),
          (d) => ({ ...d, address: { ...d.address, city: 'Their City' } }),
        );
        const theirs = details();
        expect(theirs.address.city).to.equal('Their City');
        await until(() => text(restored(again)).includes('Someone else changed'), 'the notice says nothing of theirs');
        expect(text(restored(again))).to.include(
          'Someone else changed City meanwhile. Their changes are in your version already.',
        );
        await until(() => announced(again).includes('Someone else changed City meanwhile'), 'not announced');
        expect(announced(again)).to.equal(
          'Restored unsaved changes. Someone else changed City meanwhile. Their changes are in your version already.',
        );
        expect($<HTMLInputElement>(again, '#city').value).to.equal('Their City');
        expect($<HTMLInputElement>(again, '#po-number').value).to.equal('MINE-A');
        expect($<HTMLInputElement>(again, '#line1').value).to.equal(before.address.line1);
        expect($(again, '[part=conflict]')).to.equal(null);
        expect(status(again)).to.equal('Unsaved changes');
        await expect(again).to.be.accessible();
        // It waits for the user: nothing is sent on its own.
        await sleep(400);
        expect(details().version).to.equal(theirs.version);
        expect(store().world.subscription.poNumber).to.equal(po);

        // Kept as merged over another reload: still no comparison, the same form.
        const third = await reload(again, () => page(100));
        expect($<HTMLInputElement>(third, '#city').value).to.equal('Their City');
        expect($<HTMLInputElement>(third, '#po-number').value).to.equal('MINE-A');
        await until(() => restored(third) !== null, 'not restored');
        await sleep(300);
        expect($(third, '[part=conflict]')).to.equal(null);

        const changed = oneEvent(third, 'billing-change');
        $<HTMLButtonElement>(third, '[part=save-button]').click();
        await until(() => status(third).startsWith('Saved'), `status never "Saved" (was "${status(third)}")`);
        await changed;
        const d = details();
        expect(d.address.city).to.equal('Their City');
        expect(store().world.subscription.poNumber).to.equal('MINE-A');
        expect(d.recipients).to.deep.equal(before.recipients);
        expect(d.version).not.to.equal(theirs.version);
        expect(restored(third)).to.equal(null);
        await until(() => keptDrafts() === 0, 'the saved draft is still kept');
      });

      it('compares only what both changed; "Keep mine" keeps my value and none of theirs is reverted', async () => {
        const again = await keptOver(
          async (el) => {
            await typeInto($<HTMLInputElement>(el, '#city'), 'My City');
            await typeInto($<HTMLInputElement>(el, '#po-number'), 'MINE-B');
          },
          (d) => ({ ...d, address: { ...d.address, city: 'Their City', line2: 'Their floor' } }),
        );
        await find(again, '[part=conflict]');
        expect(rows(again)).to.deep.equal([['City', 'My City', 'Their City']]);
        expect(text($(again, '[part=conflict]'))).to.include(
          'Their changes to Address line 2 (optional) are in your version already.',
        );
        expect($<HTMLInputElement>(again, '#line2').value).to.equal('Their floor');
        expect($<HTMLInputElement>(again, '#po-number').value).to.equal('MINE-B');
        expect(status(again)).to.equal('Not saved: someone else changed these details. Choose which version to keep.');
        // The notice leaves what both changed to the comparison.
        expect(text(restored(again))).not.to.include('Someone else changed');
        expect($(again, '[part=save-button]')).to.equal(null);
        await expect(again).to.be.accessible();

        // Over another reload, the same comparison comes back (the draft keeps the version it was made from).
        const third = await reload(again, () => page(100));
        await find(third, '[part=conflict]');
        expect(rows(third)).to.deep.equal([['City', 'My City', 'Their City']]);
        // Their change taken before the reload is in the kept draft.
        expect($<HTMLInputElement>(third, '#line2').value).to.equal('Their floor');
        $<HTMLButtonElement>(third, '[part=keep-mine-button]').click();
        await until(() => status(third).startsWith('Saved'), `status never "Saved" (was "${status(third)}")`);
        const d = details();
        expect(d.address.city).to.equal('My City');
        expect(d.address.line2).to.equal('Their floor');
        expect(store().world.subscription.poNumber).to.equal('MINE-B');
        await until(() => keptDrafts() === 0, 'the saved draft is still kept');
      });

      it('compares every field that differs for a draft kept without its base (an older release), as before', async () => {
        const city = details().address.city;
        const po = store().world.subscription.poNumber;
        for (const old of [
          (r: Record<string, unknown>) => delete r['base'],
          (r: Record<string, unknown>) => (r['base'] = '<img src=x onerror=alert(1)>'),
        ]) {
          // Each record from the same start.
          sessionStorage.clear();
          store().loadScenario('injixo-advanced');
          const again = await keptOver(
            (el) => typeInto($<HTMLInputElement>(el, '#po-number'), 'OLD-1'),
            (d) => ({ ...d, address: { ...d.address, city: 'Their City' } }),
            old,
          );
          await find(again, '[part=conflict]');
          expect(rows(again)).to.deep.equal([
            ['City', city, 'Their City'],
            ['PO number (optional)', 'OLD-1', po ?? '(empty)'],
          ]);
          expect($<HTMLInputElement>(again, '#city').value).to.equal(city);
          expect(text(restored(again))).not.to.include('Someone else changed');
          leavePage(again);
        }
      });
    });

    it('drops a kept draft that the server has already, and one that is not a draft', async () => {
      const el = await editor(page(100));
      const me = await client.getMe();
      await typeInto($<HTMLInputElement>(el, '#po-number'), 'SAME-1');
      await leave();
      await saved(el);
      // As if the tab closed between the answer and the removal: what is kept is what the server has.
      const key = draftKey(BASE_URL, me.tenantId);
      leavePage(el);
      const { details: d, etag } = await client.getBillingDetails();
      sessionStorage.setItem(
        key,
        JSON.stringify({
          etag,
          draft: {
            recipients: d.recipients,
            contact: d.contact,
            contactText: d.contact?.name ?? '',
            line1: d.address.line1,
            line2: d.address.line2 ?? '',
            postalCode: d.address.postalCode,
            city: d.address.city,
            country: d.address.country,
            'einvoice-enabled': d.eInvoicing.enabled,
            'einvoice-address': '',
            'operator-code': '',
            'po-number': 'SAME-1',
          },
        }),
      );
      const again = await editor();
      expect(restored(again)).to.equal(null);
      await until(() => sessionStorage.getItem(key) === null, 'the draft the server has is still kept');
      leavePage(again);

      sessionStorage.setItem(key, '{"etag": 3, "draft": "<img src=x onerror=alert(1)>"');
      const third = await editor();
      expect(restored(third)).to.equal(null);
      expect(sessionStorage.getItem(key)).to.equal(null);
    });

    it("bounds what it restores by the contract's limits", async () => {
      const el = await editor(page(60_000));
      const me = await client.getMe();
      const key = draftKey(BASE_URL, me.tenantId);
      await typeInto($<HTMLInputElement>(el, '#po-number'), 'LONG');
      leavePage(el);
      const record = JSON.parse(sessionStorage.getItem(key)!) as { etag: string; draft: Record<string, unknown> };
      record.draft['po-number'] = 'P'.repeat(400);
      record.draft['recipients'] = Array.from({ length: 40 }, (_, i) => `r${i}@lumen.example`);
      sessionStorage.setItem(key, JSON.stringify(record));
      const again = await editor(page(60_000));
      expect($<HTMLInputElement>(again, '#po-number').value).to.equal('P'.repeat(50));
      expect(recipientInputs(again).length).to.equal(20);
      // A record larger than any draft can be is not read at all.
      leavePage(again);
      record.draft['city'] = 'C'.repeat(100_000);
      sessionStorage.setItem(key, JSON.stringify(record));
      const third = await editor();
      expect(restored(third)).to.equal(null);
      expect(sessionStorage.getItem(key)).to.equal(null);
    });

    it('speaks Dutch about restored changes', async () => {
      const el = await editor(page(60_000, 'nl'));
      await typeInto($<HTMLInputElement>(el, '#po-number'), 'NL-1');
      const again = await reload(el, () => page(60_000, 'nl'));
      expect(text(restored(again)!.querySelector('h3'))).to.equal('Niet-opgeslagen wijzigingen hersteld');
      expect(text($(again, '[part=discard-button]'))).to.equal('Verwerpen');
      expect(text($(again, '[part=save-button]'))).to.equal('Wijzigingen opslaan');
      await until(() => announced(again) === 'Niet-opgeslagen wijzigingen hersteld', 'not announced');
      await expect(again).to.be.accessible();
    });

    it('does not bring back the version loaded during an edit once the edit is saved', async () => {
      const el = await editor(page(60_000));
      const provider = el.closest<BillingProvider>('billing-provider')!;
      const po = $<HTMLInputElement>(el, '#po-number');
      await typeInto(po, 'AFTER-REFRESH-1');
      // The details are loaded again while the user edits (the host refreshes): the form keeps the edit.
      provider.refresh();
      await sleep(400);
      expect(po.value).to.equal('AFTER-REFRESH-1');
      await leave();
      await saved(el);
      await sleep(300);
      expect(po.value).to.equal('AFTER-REFRESH-1');
      expect(store().world.subscription.poNumber).to.equal('AFTER-REFRESH-1');
    });

    it('asks before the page is left while an edit is unsaved, and not otherwise', async () => {
      const el = await editor(page(60_000));
      expect(leavingPrevented()).to.equal(false);
      const po = $<HTMLInputElement>(el, '#po-number');
      await typeInto(po, 'ASK-1');
      expect(leavingPrevented()).to.equal(true);
      await leave();
      await saved(el);
      expect(leavingPrevented()).to.equal(false);
      // A failed save: the edit is not saved.
      store().setFaults([{ operation: 'putBillingDetails', kind: 'error-500' }]);
      await typeInto(po, 'ASK-2');
      await leave();
      await until(() => status(el).startsWith('Not saved.'), 'no failure shown');
      expect(leavingPrevented()).to.equal(true);
      // Gone from the page: its listener is gone too.
      leavePage(el);
      expect(leavingPrevented()).to.equal(false);
    });

    it('keeps working when session storage refuses to keep anything', async () => {
      const { setItem, getItem } = Storage.prototype;
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      Storage.prototype.getItem = () => {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      };
      try {
        const el = await editor();
        const po = $<HTMLInputElement>(el, '#po-number');
        await typeInto(po, 'NO-STORAGE-1');
        await saved(el);
        expect(store().world.subscription.poNumber).to.equal('NO-STORAGE-1');
        store().setFaults([{ operation: 'putBillingDetails', kind: 'error-500', times: 1 }]);
        await typeInto(po, 'NO-STORAGE-2');
        await until(() => status(el).startsWith('Not saved.'), 'no failure shown');
        expect(po.value).to.equal('NO-STORAGE-2');
        $<HTMLButtonElement>(el, '[part=retry-button]').click();
        await saved(el);
        expect(store().world.subscription.poNumber).to.equal('NO-STORAGE-2');
        const again = await reload(el);
        expect(restored(again)).to.equal(null);
      } finally {
        Storage.prototype.setItem = setItem;
        Storage.prototype.getItem = getItem;
      }
    });
  });

  describe('when the role changes', () => {
    it('keeps an edit on screen when the role is taken away while editing, and saves it once the role is back', async () => {
      const el = await editor(page(100));
      const provider = el.closest<BillingProvider>('billing-provider')!;
      const po = $<HTMLInputElement>(el, '#po-number');
      store().setSession({ role: 'member' });
      await typeInto(po, 'ROLE-1');
      await until(() => status(el).startsWith('Not saved: saving needs'), 'the refusal was not shown');
      expect(status(el)).to.equal(
        'Not saved: saving needs the administrator or finance role. Your changes are kept; sign in again with that role to save them.',
      );
      expect($(el, '.state.forbidden')).to.equal(null);
      expect(po.value).to.equal('ROLE-1');
      expect(po.readOnly).to.equal(true);
      expect(leavingPrevented()).to.equal(true);
      await expect(el).to.be.accessible();

      // The host reloads the permissions: a member now. The edit stays, read-only.
      provider.reload();
      await until(() => !$(el, '[part=retry-button]') && $(el, '.head .hint'), 'the permissions were not reloaded');
      await sleep(300);
      expect($(el, '.state.forbidden')).to.equal(null);
      expect($<HTMLInputElement>(el, '#po-number').value).to.equal('ROLE-1');
      expect($<HTMLInputElement>(el, '#po-number').readOnly).to.equal(true);
      expect(status(el)).to.include('Your changes are kept');
      // Kept over a reload too, while the role is away (the editor says "ask your administrator" then).
      leavePage(el);
      const member = await render<BillingContactsEditor>(page(100), 'billing-contacts-editor');
      await find(member, '.state.forbidden');
      expect(keptDrafts()).to.equal(1);

      store().setSession({ role: 'admin' });
      (member.closest('billing-provider') as BillingProvider).reload();
      await until(() => restored(member) !== null, 'the kept edit did not come back with the role');
      expect($<HTMLInputElement>(member, '#po-number').value).to.equal('ROLE-1');
      $<HTMLButtonElement>(member, '[part=save-button]').click();
      await saved(member);
      expect(store().world.subscription.poNumber).to.equal('ROLE-1');
    });

    it('saves the kept edit on its own when the role comes back without a reload', async () => {
      // The save waits for the typing to end: a refusal in the middle of it would make the field read-only.
      const el = await editor(page(1000));
      const provider = el.closest<BillingProvider>('billing-provider')!;
      store().setSession({ role: 'member' });
      await typeInto($<HTMLInputElement>(el, '#po-number'), 'ROLE-2');
      await until(() => status(el).startsWith('Not saved: saving needs'), 'the refusal was not shown');
      store().setSession({ role: 'admin' });
      provider.reload();
      await saved(el);
      expect(store().world.subscription.poNumber).to.equal('ROLE-2');
      expect($<HTMLInputElement>(el, '#po-number').readOnly).to.equal(false);
      expect(leavingPrevented()).to.equal(false);
    });

    it('tries a save refused for the role again on Retry', async () => {
      // The save waits for the typing to end: a refusal in the middle of it would make the field read-only.
      const el = await editor(page(1000));
      store().setSession({ role: 'member' });
      await typeInto($<HTMLInputElement>(el, '#po-number'), 'ROLE-3');
      await until(() => status(el).startsWith('Not saved: saving needs'), 'the refusal was not shown');
      store().setSession({ role: 'finance' });
      $<HTMLButtonElement>(el, '[part=retry-button]').click();
      await saved(el);
      expect(store().world.subscription.poNumber).to.equal('ROLE-3');
    });

    it('recovers from "ask your administrator" when the role goes from member to admin', async () => {
      store().setSession({ role: 'member' });
      const el = await render<BillingContactsEditor>(page(), 'billing-contacts-editor');
      await find(el, '.state.forbidden');
      store().setSession({ role: 'admin' });
      (el.closest('billing-provider') as BillingProvider).reload();
      await find(el, 'form');
      expect($(el, '.state.forbidden')).to.equal(null);
      await typeInto($<HTMLInputElement>(el, '#po-number'), 'ADMIN-1');
      await saved(el);
      expect(store().world.subscription.poNumber).to.equal('ADMIN-1');
    });

    it('recovers when the role comes back after the editor was shown to a member', async () => {
      const el = await editor();
      const provider = el.closest<BillingProvider>('billing-provider')!;
      store().setSession({ role: 'member' });
      provider.reload();
      await find(el, '.state.forbidden');
      store().setSession({ role: 'admin' });
      provider.reload();
      await find(el, 'form');
      expect($<HTMLInputElement>(el, '#po-number').readOnly).to.equal(false);
    });
  });

  describe('states', () => {
    it('shows a loading state that reserves space and is announced', async () => {
      store().setFaults([{ operation: 'getBillingDetails', kind: 'latency', latencyMs: 1500 }]);
      const el = await render<BillingContactsEditor>(
        html`<billing-provider base-url=${BASE_URL} lang="en"
          ><billing-contacts-editor></billing-contacts-editor
        ></billing-provider>`,
        'billing-contacts-editor',
      );
      const loading = await find(el, '.state.loading');
      expect(loading.getAttribute('role')).to.equal('status');
      expect(loading.offsetHeight).to.be.greaterThan(400);
      await expect(el).to.be.accessible();
      await find(el, 'form', 10_000);
    });

    it('shows an error in words with a retry that works', async () => {
      store().setFaults([{ operation: 'getBillingDetails', kind: 'error-500', times: 1 }]);
      const el = await render<BillingContactsEditor>(
        html`<billing-provider base-url=${BASE_URL} lang="en"
          ><billing-contacts-editor></billing-contacts-editor
        ></billing-provider>`,
        'billing-contacts-editor',
      );
      const error = await find(el, '.state.error');
      expect(error.getAttribute('role')).to.equal('alert');
      expect(text(error)).to.include('The billing service had a problem');
      await expect(el).to.be.accessible();
      error.querySelector<HTMLButtonElement>('button')!.click();
      await find(el, 'form');
    });

    it('says the service is unreachable on a network error', async () => {
      store().setFaults([{ operation: 'getBillingDetails', kind: 'network-error', times: 1 }]);
      const el = await render<BillingContactsEditor>(
        html`<billing-provider base-url=${BASE_URL} lang="en"
          ><billing-contacts-editor></billing-contacts-editor
        ></billing-provider>`,
        'billing-contacts-editor',
      );
      expect(text(await find(el, '.state.error'))).to.include('could not be reached');
    });

    it('shows "ask your administrator" and no billing data to other roles', async () => {
      store().setSession({ role: 'member' });
      const el = await render<BillingContactsEditor>(
        html`<billing-provider base-url=${BASE_URL} lang="en"
          ><billing-contacts-editor></billing-contacts-editor
        ></billing-provider>`,
        'billing-contacts-editor',
      );
      const forbidden = await find(el, '.state.forbidden');
      expect(text(forbidden)).to.include('Ask your administrator');
      expect($(el, 'form')).to.equal(null);
      expect(text(shadow(el) as unknown as Element)).not.to.include(store().world.tenant.name);
      await expect(el).to.be.accessible();
    });

    it('lets the finance role edit too', async () => {
      store().setSession({ role: 'finance' });
      const el = await editor();
      await typeInto($<HTMLInputElement>(el, '#po-number'), 'FIN-7');
      await saved(el);
      expect(store().world.subscription.poNumber).to.equal('FIN-7');
    });

    it('says what to do when no billing details were saved yet, and saves the first ones', async () => {
      const w = structuredClone(store().world);
      delete w.billingDetails;
      delete w.subscription.poNumber;
      store().loadWorld(w);
      const el = await editor();
      const empty = await find(el, '.state.empty');
      expect(text(empty)).to.include('No billing details yet');
      expect(text(empty)).to.include('Add at least one e-mail address');
      expect(recipientInputs(el).length).to.equal(1);
      expect(recipientInputs(el)[0]!.value).to.equal('');
      await expect(el).to.be.accessible();
      await typeInto(recipientInputs(el)[0]!, 'first@lumen.example');
      await typeInto($<HTMLInputElement>(el, '#line1'), 'Oudegracht 1');
      await typeInto($<HTMLInputElement>(el, '#postalCode'), '3511 AA');
      await typeInto($<HTMLInputElement>(el, '#city'), 'Utrecht');
      const country = $<HTMLSelectElement>(el, '#country');
      country.value = 'NL';
      country.dispatchEvent(new Event('change'));
      await saved(el);
      expect(details()).to.deep.include({
        recipients: ['first@lumen.example'],
        address: { line1: 'Oudegracht 1', postalCode: '3511 AA', city: 'Utrecht', country: 'NL' },
      });
    });

    it('works on its own with a base-url, without a provider', async () => {
      const el = await editor(html`<billing-contacts-editor base-url=${BASE_URL} lang="en"></billing-contacts-editor>`);
      expect(recipientInputs(el).length).to.equal(2);
      await typeInto($<HTMLInputElement>(el, '#po-number'), 'SOLO-1');
      await saved(el);
      expect(store().world.subscription.poNumber).to.equal('SOLO-1');
    });

    it('speaks Dutch when asked, also for the server refusals', async () => {
      const el = await editor(
        html`<billing-provider base-url=${BASE_URL} lang="nl"
          ><billing-contacts-editor></billing-contacts-editor
        ></billing-provider>`,
      );
      expect(text($(el, 'h2'))).to.equal('Factuurgegevens');
      expect(text($(el, 'legend'))).to.include('Ontvangers van facturen');
      expect(status(el)).to.equal('Wijzigingen worden automatisch opgeslagen');
      expect(text($(el, '#country option[selected]'))).to.equal('Nederland');
      const city = $<HTMLInputElement>(el, '#city');
      await typeInto(city, '');
      await leave();
      await until(() => fieldError(el, city).invalid === 'true', 'city not marked');
      expect(fieldError(el, city).message).to.equal('Vul dit veld in.');
      expect(status(el)).to.equal(
        'Niet opgeslagen: de factuurservice weigerde enkele velden. Verbeter de gemarkeerde velden.',
      );
      await expect(el).to.be.accessible();
    });

    it('renders API text as text, never as HTML', async () => {
      store().loadWorld(hostileWorld());
      const el = await editor();
      await waitForText(el, '<img src=x onerror="window.__xssCompany=1">');
      const combo = $<HTMLInputElement>(el, '#contact');
      await typeInto(combo, 'Zed');
      await until(
        () => text($(el, '[role=listbox]')).includes('<b onclick="window.__xssPerson=1">Zed</b>'),
        'no match',
      );
      expect(shadow(el).querySelector('img, b')).to.equal(null);
      expect((window as unknown as { __xssCompany?: number }).__xssCompany).to.equal(undefined);
    });
  });
});
