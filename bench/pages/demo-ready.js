/**
 * Injected into the demo page before its own scripts (bench/demo.bench.ts): notes, once per
 * animation frame, which billing elements show their data, and resolves `window.demoReady`
 * right after the first frame in which all five show it has been painted.
 *
 * An element shows its data when its shadow root has content and no loading state, busy
 * region or error state; the chart also needs its chart drawn (or its table or empty
 * state), the users table its first row (or its empty state). It also notes the long tasks
 * (over 50 ms) until then: the elements' first updates run one task apart (issue 20).
 */
(() => {
  const longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push(Math.round(e.duration));
  }).observe({ type: 'longtask', buffered: true });
  const TAGS = [
    'billing-subscription-overview',
    'billing-user-count-chart',
    'billing-users-table',
    'billing-invoice-list',
    'billing-contacts-editor',
  ];
  const shows = (el) => {
    const root = el.shadowRoot;
    if (!root || root.querySelector('.state.loading, .state.error, [aria-busy="true"]')) return false;
    if ((root.textContent ?? '').trim() === '') return false;
    if (el.localName === 'billing-user-count-chart') {
      return el.chart !== undefined || root.querySelector('table, .state.empty') !== null;
    }
    if (el.localName === 'billing-users-table') return root.querySelector('tr.row, .state.empty') !== null;
    return true;
  };
  const elements = {};
  window.demoReady = new Promise((resolve) => {
    const check = () => {
      let all = true;
      for (const tag of TAGS) {
        const el = document.querySelector(tag);
        if (el && shows(el)) elements[tag] ??= performance.now();
        else all = false;
      }
      if (all) {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve({ readyAt: performance.now(), elements, longTasks: [...longTasks] });
        channel.port2.postMessage(null);
      } else {
        requestAnimationFrame(check);
      }
    };
    requestAnimationFrame(check);
  });
})();
