/**
 * The people search of <billing-contacts-editor>'s contact combobox (ARIA combobox with a
 * listbox), loaded when the user first focuses the contact field (a chunk of its own).
 * It imports none of the element's modules, so that they stay in the element's chunk.
 */
import { html, type TemplateResult } from 'lit';
import type { PersonRef } from '../../client/client.js';
import type { EditorElement } from './contacts-editor.host.js';

/** English messages of this part; the element adds them to its own when the part loads. */
export const en = {
  'contacts.contact.people': 'People of your organisation',
  'contacts.contact.searching': 'Searching…',
  'contacts.contact.results': {
    one: '{n} person found. Use the up and down arrows to choose, Enter to pick.',
    other: '{n} people found. Use the up and down arrows to choose, Enter to pick.',
  },
  'contacts.contact.no-results': 'Nobody of your organisation matches. A typed e-mail address is used as it is.',
} as const;

/** People shown at a time. */
const LIMIT = 8;

/** The state and keyboard of the people list; the element renders the combobox input. */
export class PeoplePicker {
  people: PersonRef[] = [];
  open = false;
  /** The index of the active option, -1 for none. */
  active = -1;
  #searching = false;
  #failed = false;
  #activateFirst = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #abort: AbortController | undefined;
  readonly #el: EditorElement;

  constructor(el: EditorElement) {
    this.#el = el;
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
    const el = this.#el;
    const n = this.people.length;
    return !this.open
      ? ''
      : this.#searching
        ? el.t('contacts.contact.searching')
        : this.#failed
          ? el.t('contacts.contact.search-failed')
          : n === 0
            ? el.t('contacts.contact.no-results')
            : el.t('contacts.contact.results', { count: n, n: el.fmtCount(n) });
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
  async search(q = this.#el.draft?.contact?.personId ? '' : (this.#el.draft?.contactText ?? '')): Promise<void> {
    clearTimeout(this.#timer);
    this.#abort?.abort();
    const ctrl = new AbortController();
    this.#abort = ctrl;
    this.#searching = this.open = true;
    this.#el.requestUpdate();
    try {
      const { items } = await this.#el.billing!.client.searchPeople(q.trim(), LIMIT, { signal: ctrl.signal });
      if (ctrl.signal.aborted) return;
      this.people = items;
      this.#failed = false;
      this.active = this.#activateFirst && items.length > 0 ? 0 : -1;
    } catch (e) {
      if (ctrl.signal.aborted) return;
      this.#el.reportError(e);
      this.people = [];
      this.#failed = true;
    }
    this.#searching = this.#activateFirst = false;
    this.#el.requestUpdate();
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
        this.#el.requestUpdate();
        void this.#el.updateComplete.then(() =>
          this.#el.renderRoot.querySelector(`#${this.activeId}`)?.scrollIntoView({ block: 'nearest' }),
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
    this.#el.requestUpdate();
  }

  #pick(person: PersonRef): void {
    this.close();
    this.#el.edit(
      { contact: { personId: person.id, name: person.name, email: person.email }, contactText: person.name },
      'contact',
    );
    this.#el.announcement = `${person.name}, ${person.email}`;
  }

  /** A click on an option picks it (the list keeps the focus in the combobox: mousedown is cancelled). */
  #onClick = (e: Event): void => {
    const option = (e.target as HTMLElement).closest<HTMLElement>('[role=option]');
    const person = option ? this.people[Number(option.dataset['index'])] : undefined;
    if (person) this.#pick(person);
  };

  /** The listbox the combobox controls. */
  render(): TemplateResult {
    return html`<style>
        [role='listbox'] {
          position: absolute;
          z-index: 2;
          inset-inline: 0;
          top: calc(100% + 4px);
          max-height: 18rem;
          overflow: auto;
          margin: 0;
          padding: 4px;
          list-style: none;
          border: 1px solid var(--_border);
          border-radius: var(--_radius);
          background: var(--_surface);
          box-shadow: 0 8px 24px rgb(0 0 0 / 0.18);
        }
        [role='listbox'][hidden] {
          display: none;
        }
        [role='option'] {
          display: flex;
          flex-wrap: wrap;
          gap: 0 0.75em;
          padding: 6px var(--_space);
          border-radius: calc(var(--_radius) - 2px);
          cursor: pointer;
        }
        [role='option']:hover {
          background: var(--_subtle);
        }
        [role='option'][aria-selected='true'] {
          background: var(--_accent);
          color: var(--_on-accent);
        }
        .person-name {
          font-weight: 500;
        }
        .person-email {
          overflow-wrap: anywhere;
        }
        [role='option']:not([aria-selected='true']) .person-email {
          color: var(--_muted);
        }
      </style>
      <ul
        id="contact-listbox"
        role="listbox"
        part="listbox"
        aria-label=${this.#el.t('contacts.contact.people')}
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
