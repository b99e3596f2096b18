// Angular in JIT mode: the compiler runs in the browser, so no Angular CLI is needed to
// build this example (Vite bundles it; see docs/embedding.md). Keep this import first.
import '@angular/compiler';
import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { BillingPageComponent } from './billing-page.component.js';

// 1. The kit's mock backend answers /api/billing in a service worker, so the example runs
//    on its own. It is imported only behind a flag: a build with VITE_BILLING_MOCK=off holds
//    none of it. In your app, guard it with your own flag (e.g. Angular's `isDevMode()` or an
//    environment file) so the mock (about 400 kB gzip) stays out of production bundles:
//    there your backend implements the same API (docs/backend.md).
if (import.meta.env.VITE_BILLING_MOCK !== 'off') {
  const { startBrowserMock } = await import('billing-elements/mocks/browser');
  await startBrowserMock({ persistence: 'memory', quiet: true });
}

// 2. Register the tags before Angular renders them.
await import('billing-elements/define.js');

// 3. Bootstrap the standalone component (zoneless: no zone.js).
await bootstrapApplication(BillingPageComponent, { providers: [provideZonelessChangeDetection()] });
