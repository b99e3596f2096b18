import { css } from 'lit';
import { visuallyHidden } from '../../internal/tokens.js';

/** The styles of the form, including what editing and the people search show (they are controllers of it). */
export const contactsEditorStyles = css`
  /* What editing marks (its checks and the server's reasons) */
  input[aria-invalid='true'],
  select[aria-invalid='true'] {
    border-color: var(--_danger);
    box-shadow: inset 0 0 0 1px var(--_danger);
  }
  .field-error,
  .notice {
    color: var(--_danger);
  }
  .field-error {
    font-size: 0.9rem;
  }
  .field-error::before {
    content: '! ';
    font-weight: 700;
  }
  /* The people list of the contact combobox */
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

  :host {
    max-width: var(--billing-contacts-editor-max-width, 56rem);
    container-type: inline-size;
  }
  /* The loading state reserves the space the form will take: no layout shift. */
  :host > .state.loading {
    min-height: var(--billing-contacts-editor-min-height, 100rem);
    align-content: start;
  }
  @container (min-width: 50rem) {
    :host > .state.loading {
      min-height: var(--billing-contacts-editor-min-height, 52rem);
    }
    .sections {
      grid-template-columns: repeat(2, minmax(0, 1fr));
      align-items: start;
    }
  }
  p,
  h2,
  dl,
  dd {
    margin: 0;
  }
  form,
  .sections,
  .column {
    display: grid;
    gap: calc(var(--_space) * 2);
    align-content: start;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 2);
    align-items: start;
    justify-content: space-between;
  }
  h2 {
    font-size: 1.25rem;
  }
  h2:not(:focus-visible) {
    outline: none;
  }
  .head .hint {
    margin-top: 2px;
  }
  .status-bar,
  .switch-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }
  .save-status {
    display: inline-flex;
    gap: 0.5em;
    align-items: center;
    min-height: 2.25rem;
    padding: 0 calc(var(--_space) * 1.25);
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_subtle);
    color: var(--_muted);
    font-size: 0.9rem;
    max-width: 36rem;
  }
  .save-status.ok {
    color: var(--_success);
    border-color: color-mix(in srgb, var(--_success) 40%, transparent);
  }
  .save-status.bad {
    color: var(--_danger);
    border-color: var(--_danger);
    border-radius: var(--_radius);
    padding-block: 4px;
  }
  .status-icon {
    font-weight: 700;
    flex: none;
  }
  /* An empty tenant: the intro box is a note above the form, not a full-height state. */
  form > .state.empty {
    min-height: 0;
  }
  .section {
    margin: 0;
    min-width: 0;
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    display: grid;
    gap: var(--_space);
    align-content: start;
  }
  /* A legend floats, to be laid out like the section's other children. */
  legend,
  h3 {
    float: left;
    width: 100%;
    margin: 0;
    padding: 0;
    font-size: 1.05rem;
    font-weight: 600;
  }
  legend + * {
    clear: both;
  }
  .hint,
  dt,
  .required {
    color: var(--_muted);
    font-size: 0.9rem;
  }
  .required {
    margin-inline-start: 0.35em;
    font-size: 0.8rem;
    font-weight: 400;
  }
  .field,
  .recipient {
    display: grid;
    gap: 4px;
    align-content: start;
    min-width: 0;
  }
  label {
    font-weight: 500;
  }
  input,
  select {
    width: 100%;
    min-height: 2.5rem;
  }
  /* An address reads left to right, and shows its start, on a right-to-left page too. */
  [type='email'] {
    unicode-bidi: plaintext;
  }
  input[readonly] {
    background: var(--_subtle);
  }
  .recipient-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  .recipient-row {
    display: flex;
    gap: var(--_space);
  }
  .recipient-row input {
    flex: 1;
    min-width: 0;
  }
  .remove {
    flex: none;
    display: inline-flex;
    gap: 0.4em;
    align-items: center;
  }
  .remove-icon {
    font-size: 1.2em;
    line-height: 1;
  }
  .add {
    justify-self: start;
  }
  .recommendation {
    display: flex;
    gap: var(--_space);
    align-items: start;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid color-mix(in srgb, var(--_warning) 50%, transparent);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_warning) 8%, var(--_surface));
  }
  .rec-icon {
    flex: none;
    display: inline-grid;
    place-items: center;
    width: 1.3em;
    height: 1.3em;
    border-radius: 50%;
    background: var(--_warning);
    color: var(--_surface);
    font-weight: 700;
    font-size: 0.85em;
  }
  .combo {
    position: relative;
  }
  .about,
  dd {
    overflow-wrap: anywhere;
  }
  .address-grid,
  .einvoice-grid {
    display: grid;
    gap: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
  }
  .line1,
  .line2,
  .country {
    grid-column: 1 / -1;
  }
  .einvoice-grid {
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
    margin-top: var(--_space);
  }
  .switch {
    flex: none;
    position: relative;
    width: 2.75rem;
    min-height: 0;
    height: 1.5rem;
    padding: 0;
    border: 1px solid var(--_muted);
    border-radius: 999px;
    background: var(--_subtle);
  }
  .switch::before {
    content: '';
    position: absolute;
    top: 2px;
    inset-inline-start: 2px;
    width: calc(1.5rem - 6px);
    height: calc(1.5rem - 6px);
    border-radius: 50%;
    background: var(--_muted);
    transition: inset-inline-start 0.15s;
  }
  .switch[aria-checked='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
  }
  .switch[aria-checked='true']::before {
    inset-inline-start: calc(100% - 1.5rem + 4px);
    background: var(--_on-accent);
  }
  @media (prefers-reduced-motion: reduce) {
    .switch::before {
      transition: none;
    }
  }
  .company dl {
    display: grid;
    gap: var(--_space) calc(var(--_space) * 3);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr));
  }
  dd {
    font-weight: 500;
  }
  @container (max-width: 26rem) {
    .section {
      padding: calc(var(--_space) * 1.5);
    }
    .address-grid {
      grid-template-columns: minmax(0, 1fr);
    }
    /* Narrow: the remove buttons keep only their icon (their name stays for assistive tech). */
    .remove-text {
      ${visuallyHidden}
    }
    .remove {
      padding-inline: calc(var(--_space) * 1.25);
    }
  }
`;
