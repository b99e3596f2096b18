/**
 * `<billing-contacts-editor>`'s private `<billing-conflict-review>`: someone else saved
 * other billing details while the user was editing, and both changed some of the same
 * fields. It compares those fields (`fields`), both versions as they would be saved, says
 * which of the other version's changes are in the user's already (`taken`), and lets the
 * user keep their values of the compared fields (`keep-mine`) or take the other's
 * (`use-theirs`). Loaded when a save first meets such a conflict.
 */
import { css, html, nothing } from 'lit';
import { BillingElement } from '../../internal/billing-element.js';
import { defineElement } from '../../internal/define-element.js';
import { messages } from './editing.messages.js';
import type { Draft } from './model.js';
import { label, names, shown, type DiffField } from './refusal.js';

const styles = css`
  :host {
    display: block;
  }
  .conflict {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_warning);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_warning) 6%, var(--_surface));
  }
  .conflict h3 {
    margin: 0;
    font-size: 1.05rem;
  }
  .conflict p {
    margin: 0;
  }
  .table-wrap {
    overflow-x: auto;
  }
  .conflict table {
    width: 100%;
    border-collapse: collapse;
    background: var(--_surface);
  }
  .conflict th,
  .conflict td {
    padding: 6px var(--_space);
    border: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
    overflow-wrap: break-word;
  }
  .conflict thead th {
    background: var(--_subtle);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
`;

export class BillingConflictReview extends BillingElement {
  static override styles = [...BillingElement.styles, styles];
  static override messages = messages;

  static override properties = {
    mine: { attribute: false },
    theirs: { attribute: false },
    fields: { attribute: false },
    taken: { attribute: false },
  };

  /** The user's version, as it would be saved. */
  mine: Draft | undefined;
  /** The version someone else saved. */
  theirs: Draft | undefined;
  /** The fields compared: both changed them, to different values. */
  fields: DiffField[] = [];
  /** The fields of the other version taken into the user's already (only they changed them). */
  taken: DiffField[] = [];

  #choose(choice: 'keep-mine' | 'use-theirs'): void {
    this.dispatchEvent(new Event(choice));
  }

  protected override render() {
    const { mine, theirs } = this;
    if (!mine || !theirs) return nothing;
    const speaker = { locale: this.locale, t: this.t.bind(this) };
    return html`<section class="conflict" part="conflict" aria-labelledby="conflict-title">
      <h3 id="conflict-title">${this.t('contacts.conflict.title')}</h3>
      <p>${this.t('contacts.conflict.body')}</p>
      ${this.taken.length > 0 ? html`<p>${this.t('contacts.conflict.merged', { fields: names(speaker, this.taken) })}</p>` : nothing}
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">
            ${this.t('contacts.conflict.caption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">${this.t('contacts.conflict.field')}</th>
              <th scope="col">${this.t('contacts.conflict.mine')}</th>
              <th scope="col">${this.t('contacts.conflict.theirs')}</th>
            </tr>
          </thead>
          <tbody>
            ${this.fields.map(
              (f) =>
                html`<tr data-field=${f}>
                  <th scope="row">${this.t(label(f))}</th>
                  <td class="mine">${shown(speaker, mine, f)}</td>
                  <td class="theirs">${shown(speaker, theirs, f)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <div class="actions">
        <button type="button" class="primary" part="keep-mine-button" @click=${() => this.#choose('keep-mine')}>
          ${this.t('contacts.conflict.keep-mine')}
        </button>
        <button type="button" part="use-theirs-button" @click=${() => this.#choose('use-theirs')}>
          ${this.t('contacts.conflict.use-theirs')}
        </button>
      </div>
    </section>`;
  }
}

/** Defines the tag (once): editing loads this module when a save first meets another saved version. */
export function define(): void {
  defineElement('billing-conflict-review', BillingConflictReview);
}

declare global {
  interface HTMLElementTagNameMap {
    'billing-conflict-review': BillingConflictReview;
  }
}
