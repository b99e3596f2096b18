/**
 * The parts of chart.js that `<billing-user-count-chart>` draws with. The element imports
 * this module dynamically on first use, so chart.js stays out of the kit's main chunk,
 * and named imports let bundlers leave every other part of chart.js out.
 *
 * Registration happens in a function, not at the module's top level: the package
 * declares its modules free of side effects, so a bundler may drop top-level statements.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Decimation,
  Filler,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

/** chart.js's `Chart`, with the controllers, elements, scales and plugins the element uses registered. */
export function registeredChart(): typeof Chart {
  Chart.register(
    LineController,
    BarController,
    LineElement,
    BarElement,
    PointElement,
    CategoryScale,
    LinearScale,
    Tooltip,
    Filler,
    Decimation,
  );
  return Chart;
}
