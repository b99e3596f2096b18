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
  /* Block flow, not a grid: a new figure's text lays out again without the grid's passes
     over the whole panel (an update of the chart draws in about half the layout time). */
  .panel,
  .body {
    display: flow-root;
    min-width: 0;
  }
  .panel > * + *,
  .body > * + * {
    margin-block-start: calc(var(--_space) * 1.5);
  }
  .panel {
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
  }
  .segmented {
    display: flex;
  }
  .segmented button:first-child {
    border-start-end-radius: 0;
    border-end-end-radius: 0;
  }
  .segmented button + button {
    border-start-start-radius: 0;
    border-end-start-radius: 0;
    margin-inline-start: -1px;
  }
  button[aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  p,
  dl,
  dd,
  ul {
    margin: 0;
  }
  .stats,
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 3);
  }
  .stat {
    min-width: 7rem;
  }
  dt,
  small,
  .legend,
  .note,
  .rule {
    font-size: 0.85rem;
    color: var(--_muted);
  }
  dd {
    font-size: 1.5rem;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  small {
    font-weight: 400;
  }
  .extra dd {
    color: var(--_danger);
  }
  .legend {
    gap: calc(var(--_space) / 2) calc(var(--_space) * 2);
    padding: 0;
    list-style: none;
  }
  .legend li {
    display: flex;
    align-items: center;
    gap: 0.4em;
  }
  .swatch {
    width: 1.1em;
    height: 0.7em;
    border-radius: 2px;
    background: var(--_accent);
  }
  .line,
  .swatch.mau {
    height: 3px;
  }
  .swatch.mau {
    background: var(--_text);
  }
  .dashed {
    height: 0;
    border-top: 2px dashed var(--_muted);
    background: none;
  }
  .above {
    background: color-mix(in srgb, var(--_warning) 35%, transparent);
    border: 1px solid var(--_warning);
  }
  .swatch.peak {
    width: 0.7em;
    transform: rotate(45deg);
    background: var(--_danger);
  }
  .swatch.warn {
    background: var(--_warning);
  }
  .swatch.provisional {
    background: color-mix(in srgb, var(--_accent) 40%, transparent);
    border: 1px solid var(--_accent);
  }
  .not-charged {
    background: color-mix(in srgb, var(--_muted) 45%, transparent);
  }
  /* The chart's box has its own size; the canvas is positioned inside it, so the canvas
     never props the box open when the container shrinks. */
  .chart-box {
    position: relative;
    height: var(--_chart-height);
    overflow: hidden;
  }
  canvas {
    position: absolute;
    inset: 0;
  }
  canvas:focus-visible {
    outline-offset: -2px;
  }
  /* The day or month pointed at: a line through it, a dot on it, its figures beside it. */
  .cursor {
    position: absolute;
    border-left: 1px dashed var(--_muted);
    pointer-events: none;
  }
  .cursor::after {
    content: '';
    position: absolute;
    top: var(--y);
    left: -6.5px;
    width: 11px;
    height: 11px;
    margin-top: -5.5px;
    border: 2px solid var(--_surface);
    border-radius: 50%;
    background: var(--_accent);
  }
  .readout {
    position: absolute;
    top: 4px;
    display: grid;
    padding: 4px 8px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    font-size: 0.85rem;
    white-space: nowrap;
    pointer-events: none;
  }
  .readout:empty {
    opacity: 0;
  }
  .body > .state {
    min-height: calc(var(--_chart-height) + 5rem);
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
  }
  tbody th {
    font-weight: 400;
  }
  .num {
    text-align: end;
  }
  /* A count that opens the people behind it; the chart's days and months do too. */
  canvas.people {
    cursor: pointer;
  }
  button.people {
    min-height: 0;
    padding: 0 0.4em;
  }
  tr.peak > * {
    font-weight: 600;
  }
  tr.peak .note {
    color: var(--_danger);
  }
  .rule {
    font-size: inherit;
    max-width: 75ch;
  }
  .notice {
    color: var(--_warning);
  }
  /* The chart's colours, resolved: the element reads them here, and their transition tells
     it when the theme changed (or the direction: right to left, the chart is mirrored). */
  .probe {
    position: absolute;
    width: 0;
    height: 0;
    overflow: hidden;
    color: var(--_accent);
    background: var(--_text);
    border-color: var(--_muted) var(--_border) var(--_surface) var(--_warning);
    outline-color: var(--_danger);
    transition: all 1ms;
  }
  .probe:dir(rtl) {
    opacity: 0;
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
    dd {
      font-size: 1.25rem;
    }
  }
`;
