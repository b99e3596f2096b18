import { css } from 'lit';

export const contactsEditorStyles = css`
  :host {
    --_max-width: var(--billing-contacts-editor-max-width, 56rem);
    max-width: var(--_max-width);
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
  }
  form {
    display: grid;
    gap: calc(var(--_space) * 2);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 2);
    align-items: start;
    justify-content: space-between;
  }
  h2 {
    margin: 0;
    font-size: 1.25rem;
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 2px solid var(--_accent);
  }
  .head .hint {
    margin: 2px 0 0;
  }
  .status-bar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }
  .save-status {
    display: inline-flex;
    gap: 0.5em;
    align-items: center;
    margin: 0;
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
  .form-wide-error,
  .field-error.general {
    margin: 0;
  }
  /* An empty tenant: the intro box is a note above the form, not a full-height state. */
  form > .state.empty {
    min-height: 0;
  }
  .sections,
  .column {
    display: grid;
    gap: calc(var(--_space) * 2);
    align-content: start;
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
  legend,
  .section h3 {
    float: left;
    width: 100%;
    margin: 0;
    padding: 0;
    font-size: 1.05rem;
    font-weight: 600;
  }
  legend + *,
  .section h3 + * {
    clear: both;
  }
  .hint {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9rem;
  }
  .required {
    margin-inline-start: 0.35em;
    color: var(--_muted);
    font-size: 0.8rem;
    font-weight: 400;
  }
  .field {
    display: grid;
    gap: 4px;
    align-content: start;
    min-width: 0;
  }
  label {
    font-weight: 500;
  }
  input[type='text'],
  input[type='email'],
  select {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    width: 100%;
    min-height: 2.5rem;
    padding: 0 var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  input[readonly] {
    background: var(--_subtle);
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'] {
    border-color: var(--_danger);
    box-shadow: inset 0 0 0 1px var(--_danger);
  }
  .field-error {
    margin: 0;
    color: var(--_danger);
    font-size: 0.9rem;
  }
  .field-error::before {
    content: '! ';
    font-weight: 700;
  }
  .recipient-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  .recipient {
    display: grid;
    gap: 4px;
  }
  .recipient-row {
    display: flex;
    gap: var(--_space);
  }
  .recipient-row input {
    flex: 1;
    min-width: 0;
  }
  .recipient-row .remove {
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
  .notice {
    margin: 0;
    color: var(--_danger);
  }
  .recommendation {
    display: flex;
    gap: var(--_space);
    align-items: start;
    margin: 0;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid color-mix(in srgb, var(--_warning) 50%, transparent);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_warning) 8%, var(--_surface));
    color: var(--_text);
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
  [role='option'][aria-selected='true'] .person-email {
    color: inherit;
  }
  .person-name {
    font-weight: 500;
  }
  .person-email {
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  .about {
    margin: 0;
    font-size: 0.9rem;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
  .address-grid {
    display: grid;
    gap: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
  }
  .address-grid .line1,
  .address-grid .line2,
  .address-grid .country {
    grid-column: 1 / -1;
  }
  .switch-row {
    display: flex;
    gap: var(--_space);
    align-items: center;
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
  .einvoice-grid {
    display: grid;
    gap: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
    margin-top: var(--_space);
  }
  .company dl {
    display: grid;
    gap: var(--_space) calc(var(--_space) * 3);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr));
    margin: 0;
  }
  .company dt {
    color: var(--_muted);
    font-size: 0.9rem;
  }
  .company dd {
    margin: 0;
    font-weight: 500;
    overflow-wrap: anywhere;
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
  @container (min-width: 50rem) {
    .sections {
      grid-template-columns: repeat(2, minmax(0, 1fr));
      align-items: start;
    }
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
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .recipient-row .remove {
      padding-inline: calc(var(--_space) * 1.25);
    }
  }
`;
