import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { BillingApiError } from '../../client/errors.js';
import { recoverWhen } from '../../internal/recovery.js';
import type { Chart } from 'chart.js';
import type * as ChartParts from './chart-parts.js';
import type { Figures, Palette } from './chart-parts.js';

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
 * The chart.js side of `<billing-user-count-chart>`: loads chart.js the first time there
 * is something to draw (`failed` when it cannot be; the element shows the table then),
 * creates the chart at its box's size, draws it again when what it shows changes, follows
 * its box's size (chart.js's own `responsive` mode misjudges shadow DOM) and destroys it
 * when the canvas goes or the element leaves the page. chart.js that could not be loaded
 * is tried again when the browser is back online, or on {@link retry}.
 */
export class ChartCanvas implements ReactiveController {
  /** The chart.js instance, once drawn. */
  chart: Chart | undefined;
  /** chart.js could not be loaded. */
  failed = false;

  readonly #host: ReactiveControllerHost;
  readonly #load: () => Promise<typeof ChartParts>;
  #plotter: typeof ChartParts | undefined;
  #drawnFrom: unknown[] = [];
  #resizeObserver: ResizeObserver | undefined;
  #stopRecovery = () => {};

  constructor(host: ReactiveControllerHost, load: () => Promise<typeof ChartParts>) {
    this.#host = host;
    this.#load = load;
    host.addController(this);
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

  /** Creates, updates or destroys the chart to match what is rendered. */
  sync(d: Drawing): void {
    const palette = d.probe && readPalette(d.probe);
    const canvas = d.drawable ? d.canvas : undefined;
    if (this.chart && this.chart.canvas !== canvas) this.#destroy();
    if (!canvas || !palette) return;
    const plotter = this.#plotter;
    if (!plotter) {
      this.#load().then(
        (m) => {
          this.#plotter = m;
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
    const from = [JSON.stringify(palette), ...d.from];
    if (this.chart && !from.some((x, i) => x !== this.#drawnFrom[i])) return;
    this.#drawnFrom = from;
    if (!this.chart) {
      // Drawn at its box's size at once (not at the canvas's default size, then again).
      const box = canvas.parentElement!;
      canvas.width = box.clientWidth || 300;
      canvas.height = box.clientHeight || 150;
      this.#resizeObserver = new ResizeObserver(() => this.#resize());
      this.#resizeObserver.observe(box);
    }
    this.chart = plotter.plot(canvas, this.chart, d.figures(palette));
  }

  /** Sizes the chart to its box. */
  #resize(): void {
    const chart = this.chart;
    const box = chart?.canvas.parentElement;
    if (!chart || !box) return;
    const { clientWidth: width, clientHeight: height } = box;
    if (width && height && (width !== chart.width || height !== chart.height)) {
      chart.resize(width, height);
      this.#host.requestUpdate(); // the readout moves with its point
    }
  }

  #destroy(): void {
    this.#resizeObserver?.disconnect();
    this.chart?.destroy();
    this.chart = undefined;
  }
}

/** The theme's colours, resolved on the probe (so `light-dark()` and the host's values apply), and the direction. */
function readPalette(probe: HTMLElement): Palette {
  const s = getComputedStyle(probe);
  return {
    accent: s.color,
    text: s.backgroundColor,
    muted: s.borderTopColor,
    border: s.borderRightColor,
    surface: s.borderBottomColor,
    warning: s.borderLeftColor,
    danger: s.outlineColor,
    font: s.fontFamily,
    rtl: s.direction === 'rtl',
  };
}
