import { css } from 'lit';

/**
 * What the list and its private elements (the invoice detail, the settle outcome) share:
 * text, the warning and outcome boxes, tables and status badges.
 */
export const invoiceSharedStyles = css`
  .note,
  .sub {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .sub {
    display: block;
    font-weight: normal;
    line-height: 1.3;
  }
  p {
    margin: 0;
  }

  /* Past-due / failed warning */
  .alert,
  .outcome {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_danger);
    border-inline-start-width: 6px;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_danger) 7%, var(--_surface));
  }
  .alert h2,
  .outcome h3 {
    display: flex;
    gap: var(--_space);
    align-items: center;
    margin: 0;
    font-size: 1.1rem;
    color: var(--_danger);
  }
  .alert-icon {
    display: inline-grid;
    place-items: center;
    flex: none;
    width: 1.5rem;
    height: 1.5rem;
    border-radius: 50%;
    background: var(--_danger);
    color: var(--_surface);
    font-weight: 700;
    font-size: 0.95rem;
  }
  .alert p {
    max-width: 75ch;
  }
  .outcome.info {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 6%, var(--_surface));
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }

  /* Account summary */
  table {
    width: 100%;
    border-collapse: collapse;
  }
  table[aria-busy='true'] {
    cursor: progress;
  }
  thead th {
    background: var(--_subtle);
    text-align: start;
    font-weight: 600;
    font-size: 0.875rem;
    color: var(--_muted);
    border-bottom: 1px solid var(--_border);
    padding: var(--_space) calc(var(--_space) * 1.5);
    white-space: nowrap;
  }
  tbody th,
  tbody td {
    text-align: start;
    vertical-align: top;
    padding: calc(var(--_space) * 1.25) calc(var(--_space) * 1.5);
    border-bottom: 1px solid var(--_border);
  }
  tbody tr:last-child > * {
    border-bottom: none;
  }
  tbody tr:hover {
    background: var(--_subtle);
  }
  tbody tr.upcoming {
    background: color-mix(in srgb, var(--_warning) 6%, var(--_surface));
  }
  tbody th {
    font-weight: normal;
  }
  /* Status badges */
  .badge {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0 0.35em;
    align-items: baseline;
    padding: 0.1em 0.55em;
    border: 1px solid currentColor;
    border-radius: 0.8em;
    font-size: 0.8125rem;
    font-weight: 600;
    line-height: 1.4;
    color: var(--_muted);
  }
  .badge-label,
  .badge-reason {
    white-space: nowrap;
  }
  .badge-reason {
    font-weight: normal;
  }
  .badge-reason::before {
    content: '·';
    margin-inline-end: 0.35em;
  }

  .badge.paid {
    color: var(--_success);
  }
  .badge.open {
    color: var(--_accent);
  }
  .badge.upcoming {
    color: var(--_warning);
  }
  .badge.past_due,
  .badge.payment_failed {
    color: var(--_danger);
    background: color-mix(in srgb, var(--_danger) 8%, var(--_surface));
  }
  .sub.provisional {
    color: var(--_warning);
    margin-top: 2px;
  }
  .sub.credit {
    color: var(--_success);
  }
  .provisional-note {
    color: var(--_warning);
  }
`;

export const invoiceListStyles = css`
  :host {
    container: billing-invoices / inline-size;
  }
  /* The loading state reserves the space the list will take: no layout shift. */
  :host > .state.loading {
    min-height: var(--billing-invoice-list-min-height, 28rem);
  }
  .panel {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_space) * 2);
  }
  .tile dt {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .summary {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    gap: calc(var(--_space) * 1.5);
    margin: 0;
  }
  .tile {
    display: grid;
    align-content: start;
    gap: calc(var(--_space) / 2);
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .tile dd {
    margin: 0;
  }
  .tile .figure {
    font-size: 1.5rem;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .tile .pm-name {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2) var(--_space);
    align-items: center;
    font-weight: 600;
    min-height: 2.25rem;
  }
  .tile.expired {
    border-color: var(--_danger);
  }
  .tile .pm-action {
    margin-top: calc(var(--_space) / 2);
  }

  /* Filters */

  .toolbar select {
    min-width: 10rem;
  }

  /* Table */
  .list {
    min-height: 6rem;
  }
  .table-wrap {
    overflow-x: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .col-due {
    white-space: nowrap;
  }
  .col-due.late {
    color: var(--_danger);
    font-weight: 600;
  }
  .col-amount {
    text-align: end;
  }
  .money {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .col-amount .money {
    font-weight: 600;
  }
  .col-download {
    text-align: end;
    width: 1%;
    white-space: nowrap;
  }
  /* The invoice's number (or the upcoming one's words) wraps rather than push the amount out
     of view: the link inherits its cell's white-space (all: unset). */
  button.link {
    all: unset;
    cursor: pointer;
    color: var(--_accent);
    font-weight: 600;
    text-decoration: underline;
    text-underline-offset: 2px;
    border-radius: 2px;
  }
  button.link:hover {
    text-decoration-thickness: 2px;
  }
  button.link:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  button.download {
    min-height: 2rem;
  }
  .status-inline,
  .narrow {
    display: none;
  }
  .status-inline {
    margin-top: calc(var(--_space) / 2);
  }

  /* Pager */
  .pager {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    justify-content: space-between;
  }
  .pager.single {
    justify-content: end;
  }
  /* Right to left, the pager's arrows point the other way. */
  .pager [aria-hidden]:dir(rtl) {
    display: inline-flex;
    scale: -1 1;
  }
  .pager .range {
    color: var(--_muted);
    font-size: 0.9rem;
    font-variant-numeric: tabular-nums;
  }
  .status-message {
    color: var(--_muted);
    font-size: 0.9rem;
  }
  .status-message:empty {
    display: none;
  }

  /* Detail dialog */
  dialog {
    width: min(46rem, calc(100vw - 2rem));
    max-width: none;
    max-height: calc(100dvh - 2rem);
  }
  .dialog-head {
    display: flex;
    gap: var(--_space);
    align-items: start;
    justify-content: space-between;
    margin-bottom: calc(var(--_space) * 1.5);
  }
  dialog h2 {
    margin: 0;
    font-size: 1.2rem;
  }
  button.close {
    min-width: 2.25rem;
    padding: 0;
    font-size: 1.25rem;
    line-height: 1;
  }

  dialog .actions {
    justify-content: end;
    margin-top: calc(var(--_space) * 2.5);
  }

  /* Narrow containers: fold issued and due into the status cell; the PDF is in the details. */
  @container billing-invoices (max-width: 44rem) {
    .col-issued {
      display: none;
    }
  }
  @container billing-invoices (max-width: 34rem) {
    .col-due,
    .col-download {
      display: none;
    }
    .col-status,
    .wide {
      display: none;
    }
    .status-inline,
    .narrow {
      display: block;
    }
    thead th,
    tbody th,
    tbody td {
      padding-inline: var(--_space);
    }
    .summary {
      grid-template-columns: 1fr 1fr;
      gap: var(--_space);
    }
    .tile {
      padding: var(--_space) calc(var(--_space) * 1.5);
    }
    .tile.pm {
      grid-column: 1 / -1;
    }
    .tile .figure {
      font-size: 1.25rem;
    }
    .pager .range {
      order: -1;
      flex-basis: 100%;
      text-align: center;
    }
    .toolbar label {
      flex: 1 1 9rem;
    }
    .toolbar select {
      min-width: 0;
      width: 100%;
    }
    .alert .actions button,
    .outcome .actions button {
      flex: 1 1 auto;
    }
  }
  @media (max-width: 30rem) {
    dialog {
      padding: calc(var(--_space) * 1.5);
    }
  }
`;
