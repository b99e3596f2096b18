/**
 * What the bench pages expose on `window` for bench/*.bench.ts to drive with Playwright
 * (types only; both sides import them).
 */

export interface FirstRows {
  /** `performance.now()` when the first users response arrived (its headers). */
  responseAt: number;
  /** When the first row was put in the DOM. */
  renderedAt: number;
  /** Right after the frame that first showed a row was painted. */
  paintedAt: number;
  /** Long tasks (> 50 ms) between the response and the paint, ms. */
  longTasks: number[];
  /** Users in the billed tab. */
  total: number;
}

export interface ScrollRun {
  /** Time between consecutive animation frames while scrolling, ms. */
  frames: number[];
  /** The most `<tr>` elements the table held at any frame. */
  maxRows: number;
  /** Pixels scrolled. */
  distance: number;
  /** True when the last rows were reached. */
  reachedEnd: boolean;
}

export interface RoundTrip {
  /** The triggering event's timestamp (click, Enter, or the last input event). */
  start: number;
  /** Right after the frame that first showed the new first row was painted. */
  end: number;
  /** The text of the new first row (a sanity check). */
  firstRow: string;
}

export interface UsersTableBench {
  firstRows(): Promise<FirstRows>;
  /** Durations of `count` animation frames with nothing to do (the display's refresh interval). */
  idleFrames(count: number): Promise<number[]>;
  /** Scrolls from where the table is to its end in `frames` equal steps, one per animation frame. */
  scrollToEnd(frames: number): Promise<ScrollRun>;
  /** Scrolls `step` pixels per animation frame, `frames` times. */
  scrollBy(step: number, frames: number): Promise<ScrollRun>;
  /** Back to the top, with the first rows shown. */
  scrollToTop(): Promise<void>;
  /**
   * Starts watching for a new query's round trip: it starts at the next event of `trigger`
   * inside the table (the last one, for `input`) and ends when a new first row is painted.
   */
  arm(trigger: 'click' | 'enter' | 'input'): void;
  /** The armed round trip, once done. */
  result(): Promise<RoundTrip>;
}

export interface ChartRun {
  points: number;
  /** From setting `data` on a new element to the chart painted, ms. */
  renderMs: number;
  /**
   * From setting new `data` on the drawn chart, at the start of a frame, to that frame
   * painted, ms: each of several updates, each with new data.
   */
  updateMs: number[];
  /** The synchronous script run of the render, and of each update (lower bounds of their tasks), ms. */
  renderScriptMs: number;
  updateScriptMs: number[];
  /** Long tasks (> 50 ms) reported by the browser during the render and the update, ms. */
  longTasks: number[];
}

/**
 * A chart library measured beside the element: uPlot drawing the element's picture (its
 * series, and its figures as text), uPlot's single line alone, or chart.js's standard line chart.
 */
export type PeerKind = 'uplot' | 'uplot-line' | 'chartjs';

export interface ChartBench {
  /** Loads chart.js (a first small chart), so the runs measure drawing, not loading. */
  warmUp(): Promise<void>;
  run(points: number): Promise<ChartRun>;
  /** The same series drawn and updated by a peer (its module loaded on the first call). */
  peer?(kind: PeerKind, points: number): Promise<ChartRun>;
}

export interface DemoReadiness {
  /** `performance.now()` (from navigation start) right after the frame in which every element showed its data. */
  readyAt: number;
  /** When each element first showed its data. */
  elements: Record<string, number>;
  /** The durations (ms) of the tasks over 50 ms until then. */
  longTasks: number[];
}

/** The users table's peer (vaadin-grid over the same data), measured like the table. */
export interface PeerGridBench {
  firstRows(): Promise<FirstRows>;
  idleFrames(count: number): Promise<number[]>;
  /** With the time from the last step to the rows in view showing data, painted. */
  scrollToEnd(frames: number): Promise<ScrollRun & { framesWithoutData: number; stopToData: number }>;
  /** A scroll of `frames` steps that stops, with the time from the last step to the rows in view showing data, painted. */
  scrollAndStop(step: number, frames: number): Promise<ScrollRun & { framesWithoutData: number; stopToData: number }>;
  scrollBy(step: number, frames: number): Promise<ScrollRun & { framesWithoutData: number }>;
  scrollToTop(): Promise<void>;
  /**
   * Starts watching for a new query's round trip, as the table's page does: it starts at the
   * next `trigger` event (a click on a column's sorter, Enter in the page's search field,
   * both given by Playwright as a user gives them) and ends when a new first row is painted.
   */
  arm(trigger: 'click' | 'enter'): void;
  /** The armed round trip, once done. */
  result(): Promise<RoundTrip>;
}

export interface BenchWindow {
  usersTable: UsersTableBench;
  vaadinGrid: PeerGridBench;
  chart: ChartBench;
  demoReady: Promise<DemoReadiness>;
}
