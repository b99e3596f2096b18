import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';

// 1. The kit's mock backend answers /api/billing in a service worker, so the example runs
//    on its own. It is imported only behind a flag: a build with VITE_BILLING_MOCK=off holds
//    none of it. In your app, guard it with your own flag (e.g. `import.meta.env.DEV`) so the
//    mock (about 400 kB gzip) stays out of production bundles: there your backend implements
//    the same API (docs/backend.md).
if (import.meta.env.VITE_BILLING_MOCK !== 'off') {
  const { startBrowserMock } = await import('billing-elements/mocks/browser');
  await startBrowserMock({ persistence: 'memory', quiet: true });
}

// 2. Register the tags BEFORE React renders them: React 19 sets a prop as a property only
//    when the element already has it (`'fetch' in element`); on an element not yet
//    defined, a function prop such as `fetch` would be dropped.
await import('billing-elements/define.js');

// 3. Render.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
