import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The kit's mock backend, from this repository. In your app: `import { startBrowserMock } from 'billing-elements/mocks'`.
import { startBrowserMock } from '../../mocks/browser.js';
import { App } from './App.js';

// 1. The mock answers /api/billing in a service worker. Remove it in production: your
//    backend implements the same API (docs/backend.md).
await startBrowserMock({ persistence: 'memory', quiet: true });

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
