import { createApp } from 'vue';
import BillingPage from './BillingPage.vue';

// 1. The kit's mock backend answers /api/billing in a service worker, so the example runs
//    on its own. It is imported only behind a flag: a build with VITE_BILLING_MOCK=off holds
//    none of it. In your app, guard it with your own flag (e.g. `import.meta.env.DEV`) so the
//    mock (about 400 kB gzip) stays out of production bundles: there your backend implements
//    the same API (docs/backend.md).
if (import.meta.env.VITE_BILLING_MOCK !== 'off') {
  const { startBrowserMock } = await import('billing-elements/mocks/browser');
  await startBrowserMock({ persistence: 'memory', quiet: true });
}

// 2. Register the tags before Vue mounts them.
await import('billing-elements/define.js');

// 3. Mount. The build compiles BillingPage.vue with @vitejs/plugin-vue, whose
//    `isCustomElement` option tells Vue that billing-* tags are custom elements
//    (examples/vite.config.ts).
createApp(BillingPage).mount('#app');
