import { css } from 'lit';

/**
 * The overview's own styles, on top of the shared tokens and base styles (buttons, fields,
 * states, dialogs). The confirmation dialog and the order history bring theirs when they load.
 */
export const subscriptionOverviewStyles = css`
  :host {
    --_card-min: var(--billing-subscription-overview-card-min-width, 17rem);
    --_min-height: var(--billing-subscription-overview-min-height, 32rem);
  }
  /* The loading state reserves the space the overview will take: no layout shift. */
  :host > .state.loading {
    min-height: var(--_min-height);
  }
  p,
  h2,
  h3,
  dl,
  dd {
    margin: 0;
  }
  .overview {
    display: grid;
    gap: calc(var(--_space) * 2);
    min-height: var(--_min-height);
    align-content: start;
  }
  .overview > *,
  .card,
  .action,
  input,
  select {
    min-width: 0;
  }
  header,
  .action {
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  .eyebrow,
  .refreshing,
  dt,
  .note,
  .hint,
  .when {
    color: var(--_muted);
    font-size: 0.85rem;
  }
  .eyebrow {
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  .title-line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  h2 {
    font-size: 1.4rem;
    line-height: 1.25;
  }
  .badge {
    padding: 0.1em 0.6em;
    border-radius: 999px;
    border: 1px solid var(--_accent);
    color: var(--_accent);
    font-size: 0.8rem;
    font-weight: 600;
  }
  .rule {
    color: var(--_muted);
    max-width: 75ch;
    line-height: 1.45;
  }
  .cards {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, var(--_card-min)), 1fr));
    align-items: start;
  }
  .card,
  .manage,
  .orders {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .card {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 2);
  }
  h3 {
    font-size: 1rem;
  }
  dl {
    display: grid;
    gap: calc(var(--_space) * 1.25);
  }
  .row,
  dd,
  .scheduled li {
    display: grid;
    gap: 2px;
  }
  .value,
  .storage-label,
  .change,
  .action label {
    font-weight: 600;
  }
  .value,
  .storage-label {
    font-variant-numeric: tabular-nums;
  }
  .value {
    overflow-wrap: anywhere;
  }
  /* A figure that opens the people behind it: a button as small as the figure. */
  .people {
    min-height: 0;
    padding: 0 0.4em;
  }
  .value .line {
    display: block;
  }
  .note,
  .hint,
  .provisional,
  .field-error {
    line-height: 1.4;
  }
  .none {
    color: var(--_muted);
  }
  .scheduled ul {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: var(--_space);
  }
  .scheduled li {
    padding-inline-start: var(--_space);
    border-inline-start: 3px solid var(--_accent);
  }
  .scheduled li button {
    justify-self: start;
  }
  meter {
    width: 100%;
    height: 0.75rem;
  }
  .manage {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    padding: calc(var(--_space) * 2);
    background: var(--_subtle);
  }
  .forms {
    display: grid;
    gap: calc(var(--_space) * 2);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 19rem), 1fr));
    align-items: start;
  }
  .action label {
    font-size: 0.9rem;
  }
  .control {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  input {
    width: 6rem;
  }
  select {
    flex: 1 1 100%;
    /* A percentage lets a long option shrink with the form instead of widening it. */
    width: 100%;
    text-overflow: ellipsis;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
    outline-color: var(--_danger);
  }
  .field-error {
    color: var(--_danger);
    font-size: 0.9rem;
  }
  .field-error::before {
    content: '⚠ ';
  }
  .orders summary {
    cursor: pointer;
    padding: calc(var(--_space) * 1.25) calc(var(--_space) * 2);
    font-weight: 600;
  }
  .orders[open] summary {
    border-bottom: 1px solid var(--_border);
  }
  .orders > :is(p, .state) {
    margin: calc(var(--_space) * 2);
  }
  .orders .state {
    min-height: 6rem;
  }
  .status-message {
    min-height: 1.2em;
  }
`;
