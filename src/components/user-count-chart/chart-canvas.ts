import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { BillingApiError } from '../../client/errors.js';
import { recoverWhen } from '../../internal/recovery.js';
import type { Chart } from 'chart.js';
import type * as ChartParts from './chart-parts.js';
import type { Figures, Palette, Plot } from './chart-parts.js';

/** What to draw, as the element last rendered it. */
export interface Drawing {
  canvas: HTMLCanvasElement | undefined;
  /** An element styled with the theme's colours (see `palette`). */
  probe: HTMLElement | undefined;
  /** False while the figures load or failed: no chart then. */
  drawable: boolean;
  /** What the chart shows: when any of these changes (by identity), it is drawn again. */
  from: unknown[];
  /** The figures to draw, in the theme's colours. */
  figures(palette: Palette): Figures;
}

/**
 * The chart.js side of `<billing-user-count-chart>`: loads chart.js (`preload` as soon as
 * figures are asked for, at the latest the first time there is something to draw;
 * `failed` when it cannot be, the element shows the table then), and keeps a `Plot` of
 * ./chart-parts.js on the canvas while it is rendered: created at its box's size, updated
 * when what it shows changes, destroyed when the canvas goes or the element leaves the
 * page. chart.js that could not be loaded is tried again when the browser is back online,
 * or on {@link retry}.
 */
export class ChartCanvas implements ReactiveController {
  /** chart.js could not be loaded. */
  failed = false;

  readonly #host: ReactiveControllerHost;
  readonly #load: () => Promise<typeof ChartParts>;
  #parts: typeof ChartParts | undefined;
  #plot: Plot | undefined;
  #stopRecovery = () => {};

  constructor(host: ReactiveControllerHost, load: () => Promise<typeof ChartParts>) {
    this.#host = host;
    this.#load = load;
    host.addController(this);
  }

  /** The chart.js instance, once drawn. */
  get chart(): Chart | undefined {
    return this.#plot?.chart;
  }

  hostDisconnected(): void {
    this.#stopRecovery();
    this.#destroy();
  }

  /** Tries to load chart.js again, if it could not be loaded (the element draws the chart then). */
  retry(): void {
    this.#stopRecovery();
    if (!this.failed) return;
    this.failed = false;
    this.#host.requestUpdate();
  }

  /**
   * Starts loading chart.js, without waiting for it (while the figures load); a failure
   * shows only once there is something to draw.
   */
  preload(): void {
    this.#loaded().catch(() => {});
  }

  #loaded(): Promise<unknown> {
    return this.#load().then((m) => (this.#parts = m));
  }

  /** Creates, updates or destroys the chart to match what is rendered. */
  sync(d: Drawing): void {
    const canvas = d.drawable ? d.canvas : undefined;
    if (this.#plot?.canvas !== canvas) this.#destroy();
    if (!canvas || !d.probe) return;
    const parts = this.#parts;
    if (!parts) {
      this.#loaded().then(
        () => {
          this.failed = false;
          this.#host.requestUpdate();
        },
        (cause: unknown) => {
          this.failed = true;
          const error = new BillingApiError({
            kind: 'network',
            status: 0,
            message: 'chart.js could not be loaded',
            cause,
          });
          this.#stopRecovery = recoverWhen(error, () => this.retry()).stop;
          this.#host.requestUpdate();
        },
      );
      return;
    }
    (this.#plot ??= new parts.Plot(canvas, () => this.#host.requestUpdate())).draw(d);
  }

  #destroy(): void {
    this.#plot?.destroy();
    this.#plot = undefined;
  }
}
