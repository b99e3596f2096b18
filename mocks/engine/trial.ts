/**
 * Trials (Workplace): a trial lasts 30 days (or `trial.lengthDays`), its start day
 * included. Billing starts on the 1st of the calendar month after the trial's last day;
 * the days in between are free. Trial started 2026-09-19 → last trial day 2026-10-18 →
 * 19–31 October free → first billed month 2026-11.
 */
import { addDays, addMonths, isIsoDate, monthOf } from './dates.js';
import type { IsoDate, YearMonth } from './dates.js';
import { WorldError } from './errors.js';
import type { World } from './types.js';

/** Default trial length in days, start day included. */
export const DEFAULT_TRIAL_DAYS = 30;

/** What a world's trial means for billing. */
export interface TrialInfo {
  /** First trial day. */
  startedOn: IsoDate;
  /** Last trial day (included in the trial): `startedOn + lengthDays − 1`. */
  endsOn: IsoDate;
  /** The month after the month of {@link TrialInfo.endsOn}: the first month that is billed. */
  firstBilledMonth: YearMonth;
  /** True when `world.today` falls within `startedOn..endsOn` (both included). */
  inTrial: boolean;
}

/**
 * The world's trial, or `null` when the subscription has none.
 *
 * @throws WorldError naming `subscription.trial.startedOn`, `subscription.trial.lengthDays`
 *   or `today` when one of them is not usable.
 */
export function trialInfo(world: World): TrialInfo | null {
  const trial = world.subscription.trial;
  if (trial === undefined || trial === null) return null;
  if (!isIsoDate(trial.startedOn)) {
    throw new WorldError(
      'subscription.trial.startedOn',
      `not a calendar date (YYYY-MM-DD): ${JSON.stringify(trial.startedOn)}`,
    );
  }
  const lengthDays = trial.lengthDays ?? DEFAULT_TRIAL_DAYS;
  if (!Number.isInteger(lengthDays) || lengthDays < 1) {
    throw new WorldError(
      'subscription.trial.lengthDays',
      `must be a whole number of days of at least 1, got ${String(lengthDays)}`,
    );
  }
  if (!isIsoDate(world.today)) {
    throw new WorldError('today', `not a calendar date (YYYY-MM-DD): ${JSON.stringify(world.today)}`);
  }
  const endsOn = addDays(trial.startedOn, lengthDays - 1);
  return {
    startedOn: trial.startedOn,
    endsOn,
    firstBilledMonth: addMonths(monthOf(endsOn), 1),
    inTrial: trial.startedOn <= world.today && world.today <= endsOn,
  };
}

/**
 * The first month the subscription is billed for: the month after the trial's last day
 * when there is a trial, otherwise the month of `subscription.startedOn`.
 *
 * @throws WorldError naming the trial field or `subscription.startedOn` when it is not a date.
 */
export function firstBilledMonth(world: World): YearMonth {
  const trial = trialInfo(world);
  if (trial) return trial.firstBilledMonth;
  const startedOn = world.subscription.startedOn;
  if (!isIsoDate(startedOn)) {
    throw new WorldError('subscription.startedOn', `not a calendar date (YYYY-MM-DD): ${JSON.stringify(startedOn)}`);
  }
  return monthOf(startedOn);
}
