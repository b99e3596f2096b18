/**
 * Named, deterministic tenant worlds: one per seed product, each a tenant a QA engineer
 * would recognise, plus two large generated ones for performance work.
 *
 * Every scenario starts from the seeded generator and is then shaped with explicit edits
 * (people, orders, payments). Its history is played through the engine day by day, so
 * every invoice is exactly what the engine computes, never a hand-written amount. Each
 * world passes `validateWorld`, has billing details and a payment method, and has no
 * invoice left due (`dueInvoices(world)` is empty). "Today" is 2026-11-22 in all of them.
 *
 * `build()` makes a fresh world on every call (worlds are plain JSON; the caller may keep
 * or change its copy). Nothing is built on import.
 */
import type { BillingModel, World } from '../engine/types.js';
import { buildGenerated } from './generated.js';
import { buildInjixoAdvanced } from './injixo-advanced.js';
import { buildInjixoClassic } from './injixo-classic.js';
import { buildM365Declined } from './m365-declined.js';
import { buildSeveraPrepaid } from './severa-prepaid.js';
import { buildWorkplaceAdvanced } from './workplace-advanced.js';
import { buildWorkplaceTrial } from './workplace-trial.js';

/** The product a scenario imitates (the seed help pages it follows). */
export type ScenarioProduct = 'injixo' | 'Workplace' | 'Visma Severa' | 'Microsoft 365';

/** Names of the scenarios, in registry order. */
export type ScenarioName =
  | 'injixo-advanced'
  | 'injixo-classic'
  | 'workplace-trial'
  | 'workplace-advanced'
  | 'severa-prepaid'
  | 'm365-declined'
  | 'generated-10k'
  | 'generated-100k';

/** A named world. */
export interface Scenario {
  name: ScenarioName;
  /** Short title for pickers, e.g. "injixo Advanced: extra users this month". */
  title: string;
  /** One plain sentence of what QA will see. */
  description: string;
  product: ScenarioProduct;
  /** The billing model of the subscription's plan today. */
  model: BillingModel;
  /** Builds the world afresh (deterministic: the same world on every call). */
  build(): World;
}

/** Every scenario, in the order a picker shows them. */
export const scenarios: readonly Scenario[] = Object.freeze([
  {
    name: 'injixo-advanced',
    title: 'injixo Advanced: extra users this month',
    description:
      'Lumen Facilities B.V. on injixo Advanced (50 users included): two November hires, one with an edited join date, lift this month’s peak to 55 users (5 extra) among 64 people in three directories (ten deactivated, one deleted), and eleven invoices are paid by direct debit while the one of 1 November is still open.',
    product: 'injixo',
    model: 'peak-daily',
    build: buildInjixoAdvanced,
  },
  {
    name: 'injixo-classic',
    title: 'injixo Classic: billed per user',
    description:
      'Kestrel Travel GmbH on injixo Classic: every person active in a month is billed (45 in October), invoices are paid by bank transfer, and a rounded-up transfer in April comes back as credit on the May invoice.',
    product: 'injixo',
    model: 'per-user',
    build: buildInjixoClassic,
  },
  {
    name: 'workplace-trial',
    title: 'Workplace Core: trial ending',
    description:
      'Northstar Retail Inc. in the last days of a 30-day Workplace Core trial (26 October – 24 November, first billed month December, USD, activity required, two guests from a sister company), with no invoices yet and a single invoice recipient.',
    product: 'Workplace',
    model: 'full-month',
    build: buildWorkplaceTrial,
  },
  {
    name: 'workplace-advanced',
    title: 'Workplace Advanced: invited users',
    description:
      'Tidewater Telecom Ltd on Workplace Advanced (USD, 20 % VAT, PO number) is billed only for people invited to claim their account, so provisioned-only starters and never-invited accounts are free, and its year of invoices is paid by card.',
    product: 'Workplace',
    model: 'invited',
    build: buildWorkplaceAdvanced,
  },
  {
    name: 'severa-prepaid',
    title: 'Visma Severa: prepaid licenses',
    description:
      'Kaleva Consulting Oy holds 40 Visma Severa Professional licenses on 6-month periods with 4 free, 3 licenses bought in March with their pro-rata invoice, 2 scheduled to be removed from 1 May 2027, and e-invoices all paid.',
    product: 'Visma Severa',
    model: 'prepaid-licenses',
    build: buildSeveraPrepaid,
  },
  {
    name: 'm365-declined',
    title: 'Microsoft 365: card expired',
    description:
      'Polaris Insurance B.V. pays Microsoft 365 Business Standard monthly by a card that expired in October: the November invoice was declined on the 1st, 8th and 20th and is past due, and the charge for the license bought for new hires on 20 November failed too.',
    product: 'Microsoft 365',
    model: 'prepaid-licenses',
    build: buildM365Declined,
  },
  {
    name: 'generated-10k',
    title: 'Generated: 10,000 people',
    description:
      'A generated injixo tenant of 10,000 people (peak daily users) with a year of card-paid invoices, for tables and charts under load.',
    product: 'injixo',
    model: 'peak-daily',
    build: () => buildGenerated('generated-10k', 10_000),
  },
  {
    name: 'generated-100k',
    title: 'Generated: 100,000 people',
    description:
      'A generated injixo tenant of 100,000 people (peak daily users) with a year of card-paid invoices, for performance work (takes a moment to build).',
    product: 'injixo',
    model: 'peak-daily',
    build: () => buildGenerated('generated-100k', 100_000),
  },
] satisfies Scenario[]);

/** The scenario names, in registry order. */
export const scenarioNames: readonly ScenarioName[] = Object.freeze(scenarios.map((s) => s.name));

/** True when `name` is a known scenario. */
export function isScenarioName(name: unknown): name is ScenarioName {
  return typeof name === 'string' && (scenarioNames as readonly string[]).includes(name);
}

/** The scenario called `name`; throws an `Error` listing the known names when there is none. */
export function getScenario(name: string): Scenario {
  const scenario = scenarios.find((s) => s.name === name);
  if (!scenario) {
    throw new Error(`Unknown scenario ${JSON.stringify(name)}. Known scenarios: ${scenarioNames.join(', ')}.`);
  }
  return scenario;
}

/** A fresh world of the scenario called `name`; throws for an unknown name, listing the known ones. */
export function loadScenario(name: string): World {
  return getScenario(name).build();
}
