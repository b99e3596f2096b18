/**
 * Frame helpers for the bench pages, run in the browser.
 *
 * "Painted" is measured as the moment right after the frame that shows a change: the
 * change is seen in a `requestAnimationFrame` callback (which runs just before that
 * frame's style, layout and paint), and a message posted from there is delivered as the
 * next task, after the frame has been painted.
 */

/** Resolves at the next animation frame, with its timestamp. */
export function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Resolves right after the next frame has been painted, with `performance.now()`. */
export function afterNextPaint(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    });
  });
}

/**
 * Runs `change` at the start of the next frame (in its `requestAnimationFrame` callback,
 * where a frame's work begins) and resolves right after that frame has been painted: the
 * change's script and the frame's style, layout and paint, without the wait for a frame,
 * which is anywhere from 0 to 16.7 ms and would otherwise decide a short figure. The
 * change's microtasks (a Lit update, uPlot's commit) run before the frame's rendering.
 */
export function changedAtFrame(change: () => unknown): Promise<{ script: number; painted: number }> {
  return new Promise((resolve) => {
    requestAnimationFrame(async () => {
      const start = performance.now();
      await change();
      const script = performance.now() - start;
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve({ script, painted: performance.now() - start });
      channel.port2.postMessage(null);
    });
  });
}

/**
 * Checks `ready` once per animation frame; when it first returns true, resolves right
 * after that frame has been painted, with `performance.now()`. Rejects after `timeoutMs`.
 */
export function paintedWhen(ready: () => boolean, timeoutMs = 30_000, what = 'condition'): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (ready()) {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      } else if (performance.now() - started > timeoutMs) {
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      } else {
        requestAnimationFrame(check);
      }
    };
    requestAnimationFrame(check);
  });
}

/** Tasks longer than 50 ms, as the browser reports them (`longtask` entries). */
export class LongTasks {
  readonly entries: { start: number; duration: number }[] = [];
  readonly #observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) this.entries.push({ start: e.startTime, duration: e.duration });
  });

  constructor() {
    this.#observer.observe({ type: 'longtask', buffered: true });
  }

  /** Delivers pending entries (the observer reports them asynchronously). */
  flush(): void {
    for (const e of this.#observer.takeRecords()) this.entries.push({ start: e.startTime, duration: e.duration });
  }

  /** Entries that started at or after `since`. */
  since(since: number): { start: number; duration: number }[] {
    this.flush();
    return this.entries.filter((e) => e.start >= since);
  }
}
