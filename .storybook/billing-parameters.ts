import type { StoryMockOptions } from '../mocks/storybook.js';
import type { Deadlines } from '../src/client/client.js';

/**
 * Per-story settings of the mock backend (`parameters.billing`), on top of the toolbar:
 * `scenario`, `role`, `faults`, `world`, `today`, plus the story's `lang`, `theme`, `dir` and `deadlines`.
 */
export interface BillingParameters extends Omit<StoryMockOptions, 'baseUrl'> {
  lang?: string;
  /** The provider's request deadlines (ms by kind), e.g. short to show "taking longer than expected". */
  deadlines?: Partial<Deadlines>;
  theme?: 'light' | 'dark';
  /** The provider's `dir`: `rtl` lays every element out right to left. */
  dir?: 'ltr' | 'rtl';
}
