import { css } from 'lit';

export const usersTableStyles = css`
  :host {
    --_row-height: var(--billing-users-table-row-height, 44px);
    --_height: var(--billing-users-table-height, 30rem);
    container-type: inline-size;
  }
  /* The loading state reserves the space the table will take: no layout shift. */
  :host > .state.loading {
    min-height: calc(var(--_height) + 8rem);
  }
  .panel > .state.loading {
    min-height: var(--_height);
  }
  .panel {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  [role='tablist'] {
    display: flex;
    gap: calc(var(--_space) / 2);
    border-bottom: 1px solid var(--_border);
  }
  [role='tab'] {
    border: none;
    border-bottom: 3px solid transparent;
    border-radius: 0;
    background: none;
    padding: var(--_space) calc(var(--_space) * 1.5);
  }
  [role='tab'][aria-selected='true'] {
    border-bottom-color: var(--_accent);
    font-weight: 600;
  }
  .count {
    display: inline-block;
    min-width: 1.5em;
    margin-inline-start: 0.4em;
    padding: 0 0.4em;
    border-radius: 999px;
    background: var(--_subtle);
    font-variant-numeric: tabular-nums;
    font-size: 0.9em;
  }
  .toolbar input[type='search'] {
    min-width: min(18rem, 100%);
  }
  .status-message {
    flex: 1;
    margin: 0;
  }
  .rule {
    margin: 0;
    color: var(--_muted);
  }
  .scroller {
    position: relative;
    max-height: var(--_height);
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    overscroll-behavior: contain;
    /* The rows keep the row at the top themselves (virtual-rows.ts): the browser's scroll
       anchoring would move the view when the rows change in number or height. */
    overflow-anchor: none;
  }
  /* Not a CSS table: each row a grid of the same columns, of a fixed height and contained,
     so a row's new text lays out that row alone (a table lays out all its rows again).
     The roles say what the display no longer does. */
  table {
    display: block;
    width: 100%;
    min-width: 52rem;
  }
  thead {
    display: block;
    position: sticky;
    top: 0;
    z-index: 1;
    background: var(--_subtle);
  }
  /* The actions column, for those who may write, is a column of its own past the six. */
  tr {
    display: grid;
    grid-template-columns:
      minmax(0, 17fr) minmax(0, 21fr) minmax(0, 10fr)
      minmax(0, 16fr) minmax(0, 12fr) minmax(0, 18fr);
    grid-auto-flow: column;
    grid-auto-columns: 8.5rem;
    align-items: center;
  }
  thead tr {
    height: var(--_row-height);
    border-bottom: 1px solid var(--_border);
  }
  th {
    align-self: stretch;
    display: flex;
    align-items: center;
    font-weight: 600;
    padding: 0 var(--_space);
    overflow: hidden;
  }
  th button {
    all: unset;
    cursor: pointer;
    display: inline-flex;
    gap: 0.3em;
    align-items: center;
  }
  .sort-icon {
    font-size: 0.8em;
    color: var(--_muted);
  }
  tbody {
    display: block;
  }
  tbody tr {
    height: var(--_row-height);
    border-bottom: 1px solid var(--_border);
    contain: strict;
  }
  tbody tr.row:hover {
    background: var(--_subtle);
  }
  tbody tr.row:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
  }
  /* Cells clip (not hidden: no scroll container per cell, cheaper for each row that comes into
     view); min-width 0 lets a card's cell (a flex item) narrow to its ellipsis, as hidden did. */
  td {
    min-width: 0;
    padding: 0 var(--_space);
    white-space: nowrap;
    overflow: clip;
    text-overflow: ellipsis;
  }
  td.reason,
  td.dirs {
    white-space: normal;
    line-height: 1.2;
    font-size: 0.9rem;
  }
  /* A click on the reason (Enter on the row) opens the verdict in full. */
  .reason {
    cursor: pointer;
  }
  /* Rows keep one height (the window maths relies on it): long cells show two lines. */
  .clamp {
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    overflow: clip;
  }
  .dir {
    display: inline-block;
    margin-inline-end: 0.3em;
    padding: 0 0.3em;
    white-space: nowrap;
    border: 1px solid var(--_border);
    border-radius: 4px;
    font-size: 0.8rem;
  }
  /* The last query's rows, shown until the new ones arrive: the line under the head takes
     the accent (a loading bar, as vaadin-grid's). Not the rows dimmed: an opacity on their
     group rasters every row in view again, twice, and the page's tasks (here the mock's)
     wait for that frame after an input; a search's round trip took 11 ms longer. */
  .stale thead tr {
    box-shadow: inset 0 -2px var(--_accent);
  }
  /* A row whose data is on its way: a static bar in each cell, at the row's height. Kept
     cheap, since a fast scroll shows nothing else, and painted only (a background, no box
     of its own): a row's data arriving lays nothing out again but its words. Its cells keep
     what the row showed before, skipped (not shown, read or found) and not clickable, so a
     fast scroll empties no cell and a row back on its tr shows at once. */
  tbody tr.placeholder td {
    content-visibility: hidden;
    pointer-events: none;
    align-self: stretch;
    background: linear-gradient(var(--_subtle), var(--_subtle)) no-repeat var(--_space) 50% / 60% 0.9rem;
  }
  .footer {
    display: flex;
    justify-content: space-between;
    gap: var(--_space);
    flex-wrap: wrap;
    color: var(--_muted);
    font-size: 0.9rem;
  }
  /* Narrow: each row a card of one height (the virtual rows measure it): name and action,
     e-mail, the reason (up to three lines), role and start, lists. */
  @container (width < 40rem) {
    .toolbar {
      align-items: stretch;
      flex-direction: column;
    }
    table {
      min-width: 0;
    }
    tr {
      display: flex;
      flex-wrap: wrap;
      align-content: start;
      column-gap: var(--_space);
    }
    thead tr {
      height: auto;
    }
    th {
      padding: 4px var(--_space);
    }
    tbody tr {
      height: 11rem;
      padding: var(--_space);
      overflow: hidden;
    }
    td {
      padding: 0;
      border: 0;
    }
    tbody tr.placeholder td {
      min-height: 1rem;
      background-position: 0 50%;
    }
    td:first-child {
      flex: 1 0 0;
    }
    td:first-child,
    .act {
      order: -3;
    }
    td:nth-child(2),
    .dirs,
    .reason {
      flex-basis: 100%;
      order: -2;
    }
    .dirs {
      order: 1;
    }
    .reason .clamp {
      -webkit-line-clamp: 3;
    }
  }
`;
