import type { StorybookConfig } from '@storybook/web-components-vite';
import { minifyLiterals } from '../scripts/minify-literals.js';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['msw-storybook-addon', '@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // mockServiceWorker.js (MSW) at the root of the preview.
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
  // The built Storybook (which CI smoke-tests story by story) runs the elements with their
  // templates minified, as the library build ships them.
  viteFinal: (config) => ({ ...config, plugins: [...(config.plugins ?? []), minifyLiterals()] }),
};

export default config;
