import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['msw-storybook-addon'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // mockServiceWorker.js (MSW) at the root of the preview.
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
};

export default config;
