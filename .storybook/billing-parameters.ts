import type { StoryMockOptions } from '../mocks/storybook.js';

/**
 * Per-story settings of the mock backend (`parameters.billing`), on top of the toolbar:
 * `scenario`, `role`, `faults`, `world`, `today`, plus the story's `lang` and `theme`.
 */
export interface BillingParameters extends Omit<StoryMockOptions, 'baseUrl'> {
  lang?: string;
  theme?: 'light' | 'dark';
}
