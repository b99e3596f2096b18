/**
 * How `<billing-user-count-chart>` shows the rows of the view shown: as the table (the
 * chart's text alternative, each count a way in to the people behind it), or as the
 * chart's box: its legend, the canvas chart.js draws on, and the readout of the row
 * pointed at, beside its point. ./view-figures.ts makes the rows.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Chart } from 'chart.js';
import type { PeopleQuery } from '../../internal/events.js';

/**
 * The figures of the view shown, row by row: the table shows every row, the readout one.
 * Row `r` is drawn at `x0 + r` on the chart's x axis.
 */
export interface Rows {
  heads: string[];
  count: number;
  cells: (r: number) => string[];
  /** The value the readout points at. */
  y: (r: number) => number;
  x0: number;
  /** The row set in bold (the peak), or -1. */
  strong: number;
  /** The people behind row `r`'s count (fetched figures only). */
  people?: (r: number) => PeopleQuery;
}

/** The chart's legend: each entry's swatch (its classes) and words (`false`: not shown). */
export type Legend = [swatch: string, label: string | false][];

/** What the chart's canvas answers (Lit calls them on the element): click, pointer move or down, leave, key, focus, blur. */
export type CanvasEvents = [
  click: (e: MouseEvent) => void,
  pointer: (e: PointerEvent) => void,
  leave: (e: PointerEvent) => void,
  key: (e: KeyboardEvent) => void,
  focus: () => void,
  blur: () => void,
];

/** The table of `rows`, named by `caption`; `open(r)` opens the people behind row `r`'s count. */
export function figuresTable(rows: Rows, caption: string, open: (r: number) => void): TemplateResult {
  const last = rows.heads.length - 1;
  return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${caption}>
    <table part="table">
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          ${rows.heads.map((h, i) => html`<th scope="col" class=${i > 0 && i < last ? 'num' : ''}>${h}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${Array.from({ length: rows.count }, (_, r) => {
          const [head, ...cells] = rows.cells(r);
          const q = rows.people?.(r);
          return html`<tr class=${r === rows.strong ? 'peak' : ''}>
            <th scope="row">${head}</th>
            ${cells.map(
              (c, i) =>
                html`<td class=${i + 1 < last ? 'num' : 'note'}>
                  ${
                    i || !q?.count
                      ? c
                      : html`<button class="people" part="people-button" @click=${() => open(r)}>${c}</button>`
                  }
                </td>`,
            )}
          </tr>`;
        })}
      </tbody>
    </table>
  </div>`;
}

/**
 * The chart's box of `rows`: the legend, the canvas (`label` names it for screen readers,
 * `describedBy` adds the figures above it), and, once `chart` is drawn, the cursor and
 * readout of row `r` (none: hidden).
 */
export function chartBox(
  rows: Rows,
  legend: Legend,
  label: string,
  describedBy: string,
  chart: Chart | undefined,
  r: number | undefined,
  [click, pointer, leave, key, focus, blur]: CanvasEvents,
): TemplateResult {
  let cursor = '';
  let place = '';
  let readout: unknown[] = [];
  if (chart && r !== undefined) {
    const [head, ...cells] = rows.cells(r);
    const x = chart.scales['x']!.getPixelForValue(rows.x0 + r);
    const { top, height } = chart.chartArea;
    const dot = chart.scales['y']!.getPixelForValue(rows.y(r)) - top;
    cursor = `left:${x}px;top:${top}px;height:${height}px;--y:${dot}px`;
    // Beside the point, on the side with more room.
    place = x < chart.width / 2 ? `left:${x + 12}px` : `right:${chart.width - x + 12}px`;
    readout = [
      html`<strong>${head}</strong>`,
      ...cells.map((c, i) =>
        !c ? nothing : html`<span>${i + 2 < rows.heads.length ? `${rows.heads[i + 1]}: ${c}` : c}</span>`,
      ),
    ];
  }
  return html`<ul class="legend" part="legend">
      ${legend.map(([swatch, text]) =>
        text ? html`<li><span class="swatch ${swatch}" aria-hidden="true"></span>${text}</li>` : nothing,
      )}
    </ul>
    <div class="chart-box" part="chart">
      <canvas
        role="img"
        aria-label=${label}
        aria-describedby=${describedBy || nothing}
        tabindex="0"
        class=${rows.people ? 'people' : ''}
        @click=${click}
        @pointermove=${pointer}
        @pointerdown=${pointer}
        @pointerleave=${leave}
        @keydown=${key}
        @focus=${focus}
        @blur=${blur}
      ></canvas>
      <div class="cursor" aria-hidden="true" ?hidden=${!readout.length} style=${cursor}></div>
      <div class="readout" part="readout" role="status" style=${place}>${readout}</div>
    </div>`;
}
