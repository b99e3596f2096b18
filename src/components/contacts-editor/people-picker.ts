/**
 * The people search of <billing-contacts-editor>'s contact combobox (ARIA combobox with a
 * listbox), loaded when the user first focuses the contact field (a chunk of its own). A
 * controller, not an element: the listbox must sit in the editor's shadow root, next to
 * the input that names it (`aria-controls`, `aria-activedescendant`); its styles are the
 * editor's.
 */
import { html, type ReactiveController, type TemplateResult } from 'lit';
import type { PersonRef } from '../../client/client.js';
import { translate, type MessageKey, type MessageParams } from '../../i18n/index.js';
import type { EditorContext } from './document.js';
import { messages } from './editing.messages.js';

/** People shown at a time. */
const LIMIT = 8;

/** The state and keyboard of the people list; the element renders the combobox input. */
export class PeoplePicker implements ReactiveController {
  people: PersonRef[] = [];
  open = false;
  /** The index of the active option, -1 for none. */
  active = -1;
  #searching = false;
  #failed = false;
  #activateFirst = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #abort: AbortController | undefined;
  readonly #ctx: EditorContext;

  constructor(ctx: EditorContext) {
    this.#ctx = ctx;
    ctx.host.addController(this);
  }

  hostDisconnected(): void {
    this.close();
  }

  /** A message in the editor's language. */
  #t(key: MessageKey, params?: MessageParams): string {
    return translate(this.#ctx.locale(), key, params, messages);
  }

  /** True when the list is shown. */
  get expanded(): boolean {
    return this.open && this.people.length > 0;
  }

  /** The id of the active option, for `aria-activedescendant`. */
  get activeId(): string | undefined {
    return this.expanded && this.active >= 0 ? `contact-option-${this.active}` : undefined;
  }

  /** What the live region says about the search. */
  get live(): string {
    const n = this.people.length;
    return !this.open
      ? ''
      : this.#searching
        ? this.#t('contacts.contact.searching')
        : this.#failed
          ? this.#t('contacts.contact.search-failed')
          : n === 0
            ? this.#t('contacts.contact.no-results')
            : this.#t('contacts.contact.results', { count: n, n: this.#ctx.count(n) });
  }

  /** Searches once the user stops typing. */
  searchSoon(q: string): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.search(q), 200);
  }

  /**
   * Opens the list with the people matching `q`; by default what the field holds, or
   * everyone once a person is picked (their name would match only them).
   */
  async search(
    q = this.#ctx.doc.draft?.contact?.personId ? '' : (this.#ctx.doc.draft?.contactText ?? ''),
  ): Promise<void> {
    clearTimeout(this.#timer);
    this.#abort?.abort();
    const ctrl = new AbortController();
    this.#abort = ctrl;
    this.#searching = this.open = true;
    this.#ctx.host.requestUpdate();
    try {
      const client = this.#ctx.client()!;
      const { items } = await client.searchPeople(q.trim(), LIMIT, { signal: ctrl.signal });
      if (ctrl.signal.aborted) return;
      this.people = items;
      this.#failed = false;
      this.active = this.#activateFirst && items.length > 0 ? 0 : -1;
    } catch (e) {
      if (ctrl.signal.aborted) return;
      this.#ctx.report(e);
      this.people = [];
      this.#failed = true;
    }
    this.#searching = this.#activateFirst = false;
    this.#ctx.host.requestUpdate();
  }

  /** The combobox's keys: arrows open the list and move through it, Enter picks, Escape closes. */
  key(e: KeyboardEvent): void {
    const n = this.people.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!this.open || (n === 0 && !this.#searching)) {
        this.#activateFirst = true;
        void this.search();
      } else if (n > 0 && !e.altKey) {
        const step = e.key === 'ArrowDown' ? 1 : -1;
        this.active = this.active < 0 ? (step > 0 ? 0 : n - 1) : (this.active + step + n) % n;
        this.#ctx.host.requestUpdate();
        void this.#ctx.host.updateComplete.then(() =>
          this.#ctx.host.shadowRoot?.querySelector(`#${this.activeId}`)?.scrollIntoView({ block: 'nearest' }),
        );
      }
    } else if (e.key === 'Enter') {
      const person = this.open ? this.people[this.active] : undefined;
      if (person) {
        e.preventDefault();
        this.#pick(person);
      }
    } else if (e.key === 'Escape' && this.open) {
      e.preventDefault();
      this.close();
    }
  }

  close(): void {
    clearTimeout(this.#timer);
    this.#abort?.abort();
    this.#searching = this.open = false;
    this.active = -1;
    this.#ctx.host.requestUpdate();
  }

  #pick(person: PersonRef): void {
    this.close();
    this.#ctx.edit(
      { contact: { personId: person.id, name: person.name, email: person.email }, contactText: person.name },
      'contact',
    );
    this.#ctx.doc.announcement = `${person.name}, ${person.email}`;
  }

  /** A click on an option picks it (the list keeps the focus in the combobox: mousedown is cancelled). */
  #onClick = (e: Event): void => {
    const option = (e.target as HTMLElement).closest<HTMLElement>('[role=option]');
    const person = option ? this.people[Number(option.dataset['index'])] : undefined;
    if (person) this.#pick(person);
  };

  /** The listbox the combobox controls. */
  render(): TemplateResult {
    return html`<ul
      id="contact-listbox"
      role="listbox"
      part="listbox"
      aria-label=${this.#t('contacts.contact.people')}
      ?hidden=${!this.expanded}
      @mousedown=${(e: Event) => e.preventDefault()}
      @click=${this.#onClick}
      @keydown=${(e: KeyboardEvent) => this.key(e)}
    >
      ${this.people.map(
        (p, i) =>
          html`<li
            id=${`contact-option-${i}`}
            role="option"
            part="option"
            aria-selected=${i === this.active ? 'true' : 'false'}
            data-index=${i}
          >
            <span class="person-name">${p.name}</span> <span class="person-email">${p.email}</span>
          </li>`,
      )}
    </ul>`;
  }
}
