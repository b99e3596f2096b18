/**
 * Where the store gets named worlds from: the scenario registry (`mocks/scenarios/`).
 */
import type { World } from '../engine/types.js';
import { isScenarioName, loadScenario, scenarioNames as names } from '../scenarios/index.js';

/** The scenario a fresh or reset store starts with. */
export const DEFAULT_SCENARIO = 'injixo-advanced';

/** The names of every scenario, in registry order. */
export function scenarioNames(): string[] {
  return [...names];
}

/** A fresh world of a named scenario, or `undefined` when there is none by that name. */
export function scenarioWorld(name: string): World | undefined {
  return isScenarioName(name) ? loadScenario(name) : undefined;
}
