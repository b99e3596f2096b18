import { css } from 'lit';

export const userCountChartStyles = css`
  :host {
    /* The layout follows the element's own width, not the viewport's. */
    container-type: inline-size;
    --_chart-height: var(--billing-user-count-chart-height, 18rem);
    --_table-height: var(--billing-user-count-chart-table-height, 24rem);
  }
  /* Before anything is known the loading state takes the place of the whole panel. */
  :host > .state.loading {
    min-height: calc(var(--_chart-height) + 13rem);
  }
  .panel {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    min-width: 0;
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 2);
    align-items: end;
    justify-content: space-between;
  }
  h2 {
    margin: 0;
    font-size: 1.1rem;
    line-height: 1.3;
  }
  .segmented {
    display: inline-flex;
  }
  .segmented button {
    border-radius: 0;
  }
  .segmented button:first-child {
    border-start-start-radius: var(--_radius);
    border-end-start-radius: var(--_radius);
  }
  .segmented button:last-child {
    border-start-end-radius: var(--_radius);
    border-end-end-radius: var(--_radius);
    margin-inline-start: -1px;
  }
  button[aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  .provisional {
    margin: 0;
  }
  .stats {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 3);
    margin: 0;
  }
  .stat {
    display: grid;
    gap: 2px;
    min-width: 7rem;
  }
  .stat dt {
    font-size: 0.85rem;
    color: var(--_muted);
  }
  .stat dd {
    margin: 0;
    font-size: 1.5rem;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    line-height: 1.2;
  }
  .stat dd small {
    font-size: 0.8rem;
    font-weight: 400;
    color: var(--_muted);
  }
  .stat.extra dd {
    color: var(--_danger);
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2) calc(var(--_space) * 2);
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 0.85rem;
    color: var(--_muted);
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
  }
  .swatch {
    display: inline-block;
    width: 1.1em;
    height: 0.7em;
    border-radius: 2px;
    background: var(--_accent);
  }
  .swatch.line {
    height: 3px;
  }
  .swatch.dashed {
    height: 0;
    border-top: 2px dashed var(--_muted);
    background: none;
  }
  .swatch.above {
    background: color-mix(in srgb, var(--_warning) 35%, transparent);
    border: 1px solid var(--_warning);
  }
  .swatch.peak {
    width: 0.7em;
    height: 0.7em;
    transform: rotate(45deg);
    background: var(--_danger);
  }
  .swatch.mau {
    height: 3px;
    background: var(--_text);
  }
  .swatch.provisional {
    background: color-mix(in srgb, var(--_accent) 40%, transparent);
    border: 1px solid var(--_accent);
  }
  .swatch.not-charged {
    background: color-mix(in srgb, var(--_muted) 45%, transparent);
  }
  /* The chart's box has its own size; the canvas is positioned inside it, so the canvas
     never props the box open when the container shrinks. */
  .chart-box {
    position: relative;
    min-width: 0;
    width: 100%;
    height: var(--_chart-height);
    overflow: hidden;
  }
  .chart-box[hidden] {
    display: none;
  }
  canvas {
    position: absolute;
    inset: 0;
    display: block;
  }
  .body > .state {
    min-height: calc(var(--_chart-height) + 5rem);
  }
  .body {
    display: grid;
    gap: var(--_space);
    min-width: 0;
  }
  .table-wrap {
    max-height: var(--_table-height);
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  caption {
    padding: var(--_space);
    text-align: start;
    font-weight: 600;
  }
  th,
  td {
    padding: calc(var(--_space) / 2) var(--_space);
    border-top: 1px solid var(--_border);
    text-align: start;
  }
  thead th {
    position: sticky;
    top: 0;
    background: var(--_subtle);
    font-weight: 600;
  }
  tbody th {
    font-weight: 400;
  }
  td.num,
  th.num {
    text-align: end;
  }
  tr.peak td,
  tr.peak th {
    font-weight: 600;
  }
  .note {
    color: var(--_muted);
  }
  tr.peak .note {
    color: var(--_danger);
  }
  .rule {
    margin: 0;
    color: var(--_muted);
    max-width: 75ch;
  }
  .notice {
    margin: 0;
    color: var(--_warning);
  }
  .probe {
    position: absolute;
    width: 0;
    height: 0;
    overflow: hidden;
    pointer-events: none;
  }
  @container (max-width: 40rem) {
    .panel {
      padding: calc(var(--_space) * 1.5);
    }
    .head,
    .toolbar {
      align-items: stretch;
      flex-direction: column;
    }
    .segmented button {
      flex: 1;
    }
    .stats {
      gap: var(--_space) calc(var(--_space) * 2);
    }
    .stat dd {
      font-size: 1.25rem;
    }
  }
`;
