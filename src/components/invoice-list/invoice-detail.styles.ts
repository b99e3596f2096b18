import { css } from 'lit';

/** Styles of `<billing-invoice-detail>` (with the list's shared ones). */
export const invoiceDetailStyles = css`
  :host {
    display: block;
  }
  .provisional-note {
    margin-bottom: var(--_space);
  }
  h3 {
    margin: calc(var(--_space) * 2) 0 var(--_space);
    font-size: 1rem;
  }
  .meta {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(8rem, 1fr));
    gap: var(--_space) calc(var(--_space) * 2);
    margin: 0 0 calc(var(--_space) * 1.5);
  }
  .meta dt {
    color: var(--_muted);
    font-size: 0.8125rem;
  }
  .meta dd {
    margin: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  table.lines th,
  table.lines td {
    padding: var(--_space);
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
    text-align: start;
  }
  table.lines thead th {
    background: none;
  }
  table.lines .num {
    text-align: end;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .line-kind {
    font-weight: 600;
  }
  .line-description {
    overflow-wrap: anywhere;
  }
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
  .math {
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }
  .line button.people,
  .totals button.ledger {
    display: block;
    width: fit-content;
    margin-top: calc(var(--_space) / 2);
    font-size: 0.8125rem;
  }
  /* In the totals, under its label, at the end like the label. */
  .totals button.ledger {
    margin-inline-start: auto;
  }
  .totals .credit dt .sub,
  .totals .tax dt .sub {
    font-weight: 400;
  }
  .rounding {
    margin-top: var(--_space);
  }
  .notice:empty {
    display: none;
  }
  .totals {
    display: grid;
    justify-content: end;
    margin: var(--_space) 0 0;
  }
  .totals > div {
    display: grid;
    grid-template-columns: minmax(10rem, 22rem) minmax(7rem, auto);
    gap: calc(var(--_space) * 2);
    padding: calc(var(--_space) / 2) var(--_space);
  }
  .totals dt {
    text-align: end;
  }
  .totals dd {
    margin: 0;
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .totals .total {
    border-top: 2px solid var(--_border);
    margin-top: calc(var(--_space) / 2);
    padding-top: var(--_space);
  }
  .totals .total,
  .totals .amount-due,
  .totals .balance {
    font-weight: 700;
  }
  .totals .credit dd {
    color: var(--_success);
  }
  .totals .balance dd {
    color: var(--_danger);
  }
  .payments {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  .payments li {
    display: grid;
    grid-template-columns: 8rem 1fr;
    gap: var(--_space);
  }
  .payments li.declined {
    color: var(--_danger);
  }
  @media (max-width: 30rem) {
    table.lines .col-qty,
    table.lines .col-unit {
      display: none;
    }
    table.lines th,
    table.lines td {
      padding-inline: calc(var(--_space) / 2);
    }
    .totals {
      justify-content: stretch;
    }
    .totals > div {
      grid-template-columns: 1fr auto;
      padding-inline: calc(var(--_space) / 2);
    }
    .payments li {
      grid-template-columns: 1fr;
      gap: 0;
    }
  }
`;
