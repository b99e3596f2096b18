import { css } from 'lit';

export const subscriptionOverviewStyles = css`
  :host {
    --_card-min: var(--billing-subscription-overview-card-min-width, 17rem);
    --_min-height: var(--billing-subscription-overview-min-height, 32rem);
  }
  /* The loading state reserves the space the overview will take: no layout shift. */
  :host > .state.loading {
    min-height: var(--_min-height);
  }
  .overview {
    display: grid;
    gap: calc(var(--_space) * 2);
    min-height: var(--_min-height);
    align-content: start;
  }
  .overview > * {
    min-width: 0;
  }
  header {
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  .eyebrow {
    margin: 0;
    color: var(--_muted);
    font-size: 0.85rem;
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
    margin: 0;
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
  .refreshing {
    color: var(--_muted);
    font-size: 0.85rem;
  }
  .rule {
    margin: 0;
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
  .card {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    min-width: 0;
  }
  h3 {
    margin: 0;
    font-size: 1rem;
  }
  dl {
    margin: 0;
    display: grid;
    gap: calc(var(--_space) * 1.25);
  }
  .row {
    display: grid;
    gap: 2px;
  }
  dt {
    color: var(--_muted);
    font-size: 0.85rem;
  }
  dd {
    margin: 0;
    display: grid;
    gap: 2px;
  }
  .value {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }
  .value .line {
    display: block;
  }
  .note {
    color: var(--_muted);
    font-size: 0.85rem;
    line-height: 1.4;
  }
  p.provisional {
    margin: 0;
    line-height: 1.4;
  }
  .card > p {
    margin: 0;
  }
  .none {
    margin: 0;
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
    display: grid;
    gap: 2px;
    padding-inline-start: var(--_space);
    border-inline-start: 3px solid var(--_accent);
  }
  .scheduled .change {
    font-weight: 600;
  }
  .scheduled .when {
    color: var(--_muted);
    font-size: 0.85rem;
  }
  .storage-label {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  meter {
    width: 100%;
    height: 0.75rem;
  }
  .manage {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_subtle);
  }
  .forms {
    display: grid;
    gap: calc(var(--_space) * 2);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 19rem), 1fr));
    align-items: start;
  }
  .action {
    display: grid;
    gap: calc(var(--_space) / 2);
    min-width: 0;
  }
  .action label {
    font-weight: 600;
    font-size: 0.9rem;
  }
  .control {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  input,
  select {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    min-height: 2.25rem;
    padding: 0 var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-width: 0;
  }
  input[type='number'] {
    width: 6rem;
  }
  select {
    flex: 1 1 100%;
    width: 100%;
    text-overflow: ellipsis;
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'] {
    border-color: var(--_danger);
    outline-color: var(--_danger);
  }
  .hint {
    margin: 0;
    color: var(--_muted);
    font-size: 0.85rem;
    line-height: 1.4;
  }
  .field-error,
  .alert {
    margin: 0;
    color: var(--_danger);
    font-size: 0.9rem;
    line-height: 1.4;
  }
  .field-error::before {
    content: '⚠ ';
  }
  .orders {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .orders summary {
    cursor: pointer;
    padding: calc(var(--_space) * 1.25) calc(var(--_space) * 2);
    font-weight: 600;
  }
  .orders[open] summary {
    border-bottom: 1px solid var(--_border);
  }
  .orders .none,
  .orders .state {
    margin: calc(var(--_space) * 2);
  }
  .orders .state {
    min-height: 6rem;
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    text-align: start;
    padding: var(--_space) calc(var(--_space) * 2);
    border-bottom: 1px solid var(--_border);
    white-space: nowrap;
  }
  td:nth-child(2) {
    white-space: normal;
  }
  tbody tr:last-child td {
    border-bottom: none;
  }
  th {
    background: var(--_subtle);
    font-weight: 600;
    font-size: 0.9rem;
  }
  .num {
    text-align: end;
  }
  .status-message {
    min-height: 1.2em;
    margin: 0;
  }
  dialog p {
    line-height: 1.45;
  }
  dialog .quote {
    margin: calc(var(--_space) * 1.5) 0;
    padding: calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
    background: var(--_subtle);
  }
  dialog .quote .value {
    font-size: 1.3rem;
  }
  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    justify-content: end;
    margin-top: calc(var(--_space) * 2);
  }
`;
