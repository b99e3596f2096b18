/**
 * Component tests run against the real mock backend: MSW's service worker in this
 * Chromium page, over a store the test can steer (world, role, faults). One worker per
 * test file; the store is reset to a scenario before each test.
 */
import { deepQuery, deepQueryAll } from '../dom.js';
import { fixture, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { startBrowserMock, type BrowserMock } from '../../mocks/browser.js';
import type { MockStore } from '../../mocks/store/store.js';
import { REMEMBERED_ME } from '../../src/context/session.js';
import '../../src/define.js';

export const BASE_URL = '/api/billing';

/**
 * Starts the mock once for the file and loads `scenario` before each test. Returns a
 * getter for the store (created in `before`).
 */
export function useMockBackend(scenario = 'injixo-advanced'): () => MockStore {
  let mock: BrowserMock | undefined;
  // Requests the mock has started and not answered, and the page's fetches not settled: a
  // request on its way to the service worker is not yet one the mock has seen.
  let inflight = 0;
  let fetching = 0;
  let lastActivity = 0;
  const pageFetch = globalThis.fetch;
  const seen = (): void => {
    lastActivity = performance.now();
  };
  before(async () => {
    mock = await startBrowserMock({ persistence: 'memory', quiet: true, scenario });
    mock.worker.events.on('request:start', () => {
      inflight++;
      seen();
    });
    mock.worker.events.on('request:end', () => {
      inflight--;
      seen();
    });
    globalThis.fetch = (...args: Parameters<typeof fetch>) => {
      fetching++;
      seen();
      return pageFetch(...args).finally(() => {
        fetching--;
        seen();
      });
    };
  });
  beforeEach(async () => {
    // The last test's elements are gone, but a request they sent (a prefetch, an aborted
    // one) may still be on its way to the mock: let it be answered before this test's
    // store and faults are set, so it cannot take a fault meant for this test's request.
    // An aborted fetch settles at once in the page while its request may still reach the
    // mock: hence the quiet time after the last sign of either.
    await waitUntil(
      () => inflight <= 0 && fetching <= 0 && performance.now() - lastActivity > 50,
      "the last test's requests",
      { timeout: 5000, interval: 10 },
    );
    // Each test is a first load in its tab: the `/me` an earlier test's elements remembered
    // would have this one's ask for data beside `/me` (provider.test.ts tests that).
    for (const key of Object.keys(sessionStorage)) if (key.startsWith(REMEMBERED_ME)) sessionStorage.removeItem(key);
    const store = mock!.store;
    store.loadScenario(scenario);
    store.setSession({ role: 'admin' });
    store.setFaults([]);
  });
  after(() => {
    globalThis.fetch = pageFetch;
    return mock?.stop();
  });
  return () => mock!.store;
}

/** Renders a template and returns the first element matching `selector` inside it. */
export async function render<T extends HTMLElement>(template: TemplateResult, selector: string): Promise<T> {
  const root = await fixture<HTMLElement>(template);
  const el = root.matches(selector) ? (root as T) : root.querySelector<T>(selector);
  if (!el) throw new Error(`No ${selector} rendered`);
  return el;
}

/** The element's shadow root, typed. */
export function shadow(el: HTMLElement): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`${el.localName} has no shadow root`);
  return el.shadowRoot;
}

export { deepQuery, deepQueryAll } from '../dom.js';

/** Waits until `selector` matches inside the element's shadow root (or one inside it), and returns the match. */
export async function find<T extends Element = HTMLElement>(
  el: HTMLElement,
  selector: string,
  timeout = 8000,
): Promise<T> {
  await waitUntil(() => deepQuery(shadow(el), selector), `no ${selector} in ${el.localName}`, { timeout });
  return deepQuery<T>(shadow(el), selector)!;
}

/** All matches inside the shadow root (and the shadow roots inside it). */
export function all<T extends Element = HTMLElement>(el: HTMLElement, selector: string): T[] {
  return deepQueryAll<T>(shadow(el), selector);
}

/**
 * The text of a node as it is rendered, whitespace folded: an element with a shadow root
 * shows its shadow tree, and a slot the nodes assigned to it.
 */
export function text(node: Node | null | undefined): string {
  return node ? rendered(node).replace(/\s+/g, ' ').trim() : '';
}

function rendered(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (node instanceof HTMLStyleElement || node instanceof HTMLScriptElement) return '';
  if (node instanceof HTMLSlotElement) {
    const assigned = node.assignedNodes({ flatten: true });
    if (assigned.length) return assigned.map(rendered).join('');
  }
  const children = node instanceof Element && node.shadowRoot ? node.shadowRoot.childNodes : node.childNodes;
  return [...children].map(rendered).join('');
}

/** The focused element, however deep in shadow roots it is. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Waits until the element's shadow text contains `needle`. */
export async function waitForText(el: HTMLElement, needle: string, timeout = 8000): Promise<void> {
  await waitUntil(() => text(shadow(el)).includes(needle), `"${needle}" never shown`, {
    timeout,
  });
}
