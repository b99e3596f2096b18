import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Rows rendered above and below the visible ones at rest. Every row in the DOM is painted
 * and layerized each frame, so fewer is cheaper (4× CPU throttling, wheel speed: 8 → 4 rows
 * either side took about 7 of 43 ms off a frame's work); while the view moves most of
 * them go ahead of it ({@link BEHIND}).
 */
const OVERSCAN = 4;
/**
 * While the view moves, the rows kept behind it; the rest of the overscan is ahead, where
 * rows come into view (under load the compositor has scrolled there before the rows follow).
 */
const BEHIND = 1;
/** Fallback row height (px) until the real one is measured. */
const DEFAULT_ROW_HEIGHT = 44;
/**
 * Rows rendered before the scroller's height is known: those that fit the default 30rem
 * table. The first rows are painted sooner; a frame later the measure adds the overscan.
 */
export const INITIAL_ROWS = 12;

/** What the rows need of the table: its scroller, how many rows there are, and who fetches them. */
export interface RowsView {
  scroller(): HTMLElement | undefined;
  total(): number;
  /** The rows in the DOM moved (or the scroll sped up or slowed): fetch what they need. */
  moved(): void;
  /**
   * Renders the rows alone, not the whole element: on the frames of a scroll, where
   * nothing else changes (the table's words, tabs and toolbar are not evaluated again).
   */
  paint(): void;
}

/**
 * The geometry and scrolling of a long table (in the manner of the Lit virtualizer's
 * engine): which rows are in the DOM (those in view and {@link OVERSCAN} either side, always
 * `slots` of them so each keeps its `<tr>`), measured once and again on a resize; how fast
 * the view moves (one animation-frame watcher while it does); keyboard jumps to a row.
 */
export class VirtualRows implements ReactiveController {
  /** The rows in the DOM, `[start, end)`. */
  range = { start: 0, end: INITIAL_ROWS };
  rowHeight = DEFAULT_ROW_HEIGHT;
  /**
   * Rows in the DOM; each keeps its `<tr>` (keyed by index plus `keyShift`, modulo this) while
   * scrolling. Until the measure, the initial rows and an overscan: all of them in view.
   */
  slots = INITIAL_ROWS + 2 * OVERSCAN;
  /**
   * Changed when the rows refill the `<tr>`s in place (a jump past the rows in the DOM, or
   * any move of a fast scroll), so the new rows take the `<tr>`s in the order they are.
   */
  keyShift = 0;
  /**
   * Where the `<tr>`s are while the view moves: the key of the first in the DOM, and how far
   * (px) the row group is moved down. Kept while the view moves slowly, so a `<tr>` that
   * keeps its row keeps its place and its transform; set from the first row at rest and
   * in a fast scroll (the `<tr>`s in the rows' order, moved as one).
   */
  firstKey = 0;
  lift = 0;
  /** The view moved in the last frame: the rows keep their `<tr>`s' order (see the table's `#renderRows`). */
  moving = false;
  /** The last move was more than a screen in one frame (a drag or a fling): placeholders, no fetch. */
  fast = false;
  direction: 1 | -1 = 1;
  /** The row to focus once it is rendered. */
  focusRow: number | undefined;
  /** The first row in view. */
  first = 0;

  readonly #host: ReactiveControllerHost;
  readonly #view: RowsView;
  /** The table head's height (px): the rows start below it. */
  #headHeight = 0;
  #viewport = 0;
  #measured = false;
  /** The heights were measured once: a new measure keeps the row at the top of the view. */
  #anchored = false;
  /** The row to bring back to the top of the view, from its first line, after a new measure. */
  #anchor: number | undefined;
  #measureFrame = 0;
  #resize = new ResizeObserver(() => {
    this.#measured = false;
    this.#measure();
  });
  #observed: Element | undefined;
  #frame = 0;
  #lastTop = 0;
  /** The next move is a jump the table made itself (keyboard), not a fast scroll. */
  #jumped = false;

  constructor(host: ReactiveControllerHost, view: RowsView) {
    this.#host = host;
    this.#view = view;
    host.addController(this);
  }

  hostUpdated(): void {
    // The rows follow every update of the element (and on their own, each frame of a scroll).
    this.#view.paint();
    const scroller = this.#view.scroller();
    if (scroller !== this.#observed) {
      if (this.#observed) this.#resize.unobserve(this.#observed);
      if (scroller) this.#resize.observe(scroller);
      this.#observed = scroller;
      this.#measured = false;
    }
    // After a new measure the table is as tall as the new heights make it: the row that
    // was at the top goes back there (its rows are set in the next frame, an update of their own).
    if (this.#anchor !== undefined && scroller) {
      scroller.scrollTop = this.#anchor * this.rowHeight;
      this.#anchor = undefined;
      this.#lastTop = scroller.scrollTop;
      cancelAnimationFrame(this.#measureFrame);
      this.#measureFrame = requestAnimationFrame(() => this.update());
    }
    // Measured in the next frame, after layout, so the range it sets is a new update
    // rather than a change during this one.
    if (!this.#measured) {
      cancelAnimationFrame(this.#measureFrame);
      this.#measureFrame = requestAnimationFrame(() => this.#measure());
    }
    // A row asked for by the keyboard, once it is rendered (after a jump, the frame the scroll stops).
    if (this.focusRow !== undefined) this.#focus();
  }

  /** Focuses {@link focusRow} if it is rendered; true if it was. */
  #focus(): boolean {
    const tr = this.#view.scroller()?.querySelector<HTMLElement>(`tr[data-index="${this.focusRow}"]`);
    tr?.focus();
    if (tr) this.focusRow = undefined;
    return !!tr;
  }

  hostDisconnected(): void {
    this.#resize.disconnect();
    this.#observed = undefined;
    cancelAnimationFrame(this.#measureFrame);
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  /** Back to the first row (a new query). */
  toTop(): void {
    const scroller = this.#view.scroller();
    if (scroller) scroller.scrollTop = 0;
    this.#lastTop = 0;
    this.fast = this.moving = false;
    this.range = { start: 0, end: Math.max(INITIAL_ROWS, this.#measured ? this.slots : 0) };
    this.firstKey = this.keyShift % Math.max(this.slots, 1);
    this.lift = 0;
  }

  /** Row `index` is in view (not in the overscan). */
  inView(index: number): boolean {
    return index >= this.first && index < this.first + this.slots - 2 * OVERSCAN;
  }

  /** Rows that fit in the view, for Page Up and Page Down. */
  get pageRows(): number {
    return Math.max(1, Math.floor((this.#viewport || 400) / this.rowHeight) - 1);
  }

  /** Reads the row, header and view heights (a forced layout, so only when they may have changed). */
  #measure(): void {
    const el = this.#view.scroller();
    const row = el?.querySelector<HTMLElement>('tbody tr[data-index]');
    if (!el || !row || row.offsetHeight === 0) return;
    // The row at the top of the view (the head is sticky: the one `scrollTop` px down the
    // rows), under the heights measured before: when the rows' height changes (a phone
    // turned, a window narrowed so the rows become cards) it stays at the top, from its
    // first line, so the reader starts the row they were on and the view does not depend
    // on how far into a row it was.
    const at = this.#anchored ? Math.floor(el.scrollTop / this.rowHeight) : 0;
    if (at > 0 && row.offsetHeight !== this.rowHeight) this.#anchor = at;
    this.#measured = this.#anchored = true;
    this.#headHeight = el.querySelector('thead')?.offsetHeight ?? 0;
    this.rowHeight = row.offsetHeight;
    this.#viewport = Math.max(0, el.clientHeight - this.#headHeight);
    this.slots = Math.ceil(this.#viewport / this.rowHeight) + 1 + 2 * OVERSCAN;
    this.#lastTop = el.scrollTop;
    if (this.#anchor !== undefined) this.#host.requestUpdate();
    else this.update();
  }

  /** The scroller's `scroll` listener. */
  onScroll = (): void => {
    if (!this.#frame) this.#frame = requestAnimationFrame(this.#tick);
  };

  /**
   * Once per animation frame while the scroll position moves: the rows in view follow, and
   * the speed decides whether they are fetched now or shown as placeholders until the
   * scroll slows. The frame after the position stops moving fetches what is in view.
   */
  #tick = (): void => {
    this.#frame = 0;
    const el = this.#view.scroller();
    if (!el) return;
    const top = el.scrollTop;
    const moved = top - this.#lastTop;
    this.#lastTop = top;
    if (moved !== 0) this.direction = moved > 0 ? 1 : -1;
    this.fast = !this.#jumped && Math.abs(moved) > Math.max(this.#viewport, this.rowHeight * 4);
    this.#jumped = false;
    // Stopped: the <tr>s are put in the rows' order.
    if (this.moving && !moved) this.#host.requestUpdate();
    this.moving = moved !== 0;
    this.update(this.moving);
    if (moved !== 0) this.#frame = requestAnimationFrame(this.#tick);
  };

  /**
   * Sets the rows in the DOM from the scroll position (and the row count), then asks for
   * their data. `rowsOnly` (a frame of a scroll): a change renders the rows alone.
   */
  update(rowsOnly = false): void {
    const el = this.#view.scroller();
    if (!el) return;
    const total = this.#view.total();
    const h = this.rowHeight;
    const slots = Math.max(this.slots, 1);
    const top = Math.max(0, el.scrollTop - this.#headHeight);
    const first = (this.first = Math.floor(top / h));
    // Always `slots` rows (fewer only in a short tab), so each keeps its `<tr>` as rows
    // scroll through: the overscan shifts to one side at the top and at the end.
    // The overscan follows the motion: all but BEHIND rows of it ahead while the view moves.
    const above = !this.moving ? OVERSCAN : this.direction > 0 ? BEHIND : 2 * OVERSCAN - BEHIND;
    const start = Math.max(0, Math.min(first - above, total - slots));
    const end = Math.min(total, start + slots);
    let changed = false;
    if (start !== this.range.start || end !== this.range.end) {
      // A fast scroll, or a jump past every row in the DOM, refills the same <tr>s in place
      // (no node moves, no transforms but the group's); a slower move keeps the rows still in
      // view in their <tr>s and gives the others to the rows coming into view.
      if (this.fast || Math.abs(start - this.range.start) >= slots) {
        this.keyShift = (((this.keyShift + this.range.start - start) % slots) + slots) % slots;
      }
      this.range = { start, end };
      changed = true;
    }
    if (this.fast || !this.moving) {
      this.firstKey = (start + this.keyShift) % slots;
      // The same rows at a new height (a new measure) move too.
      changed ||= this.lift !== start * h;
      this.lift = start * h;
    }
    if (changed) {
      if (rowsOnly) this.#view.paint();
      else this.#host.requestUpdate();
    }
    this.#view.moved();
  }

  /** Focuses row `index`: at once when it is in the DOM, else after jumping there (its rows fetched at once). */
  focusIndex(index: number): void {
    this.focusRow = index;
    const el = this.#view.scroller();
    if (!el || this.#focus()) return;
    // A jump the reader asked for: the rows there are fetched at once, not after the scroll settles.
    el.scrollTop = Math.max(0, index * this.rowHeight - this.#headHeight);
    cancelAnimationFrame(this.#frame);
    this.#jumped = true;
    this.#tick();
  }
}
