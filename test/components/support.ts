/**
 * Component tests run against the real mock backend: MSW's service worker in this
 * Chromium page, over a store the test can steer (world, role, faults). One worker per
 * test file; the store is reset to a scenario before each test.
 */
import { fixture, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { startBrowserMock, type BrowserMock } from '../../mocks/browser.js';
import type { MockStore } from '../../mocks/store/store.js';
import '../../src/define.js';

export const BASE_URL = '/api/billing';

/**
 * Starts the mock once for the file and loads `scenario` before each test. Returns a
 * getter for the store (created in `before`).
 */
export function useMockBackend(scenario = 'injixo-advanced'): () => MockStore {
  let mock: BrowserMock | undefined;
  before(async () => {
    mock = await startBrowserMock({ persistence: 'memory', quiet: true, scenario });
  });
  beforeEach(() => {
    const store = mock!.store;
    store.loadScenario(scenario);
    store.setSession({ role: 'admin' });
    store.setFaults([]);
  });
  after(() => mock?.stop());
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

/** Waits until `selector` matches inside the element's shadow root, and returns the match. */
export async function find<T extends Element = HTMLElement>(
  el: HTMLElement,
  selector: string,
  timeout = 8000,
): Promise<T> {
  await waitUntil(() => shadow(el).querySelector(selector), `no ${selector} in ${el.localName}`, { timeout });
  return shadow(el).querySelector<T>(selector)!;
}

/** All matches inside the shadow root. */
export function all<T extends Element = HTMLElement>(el: HTMLElement, selector: string): T[] {
  return [...shadow(el).querySelectorAll<T>(selector)];
}

/** The visible text of a node, whitespace folded. */
export function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits until the element's shadow text contains `needle`. */
export async function waitForText(el: HTMLElement, needle: string, timeout = 8000): Promise<void> {
  await waitUntil(() => text(shadow(el) as unknown as Element).includes(needle), `"${needle}" never shown`, {
    timeout,
  });
}
