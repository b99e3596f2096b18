// Angular in JIT mode: the compiler runs in the browser, so no Angular CLI is needed to
// build this example (Vite bundles it; see docs/embedding.md). Keep this import first.
import '@angular/compiler';
import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
// The kit's mock backend, from this repository. In your app: `import { startBrowserMock } from 'billing-elements/mocks'`.
import { startBrowserMock } from '../../mocks/browser.js';
import { BillingPageComponent } from './billing-page.component.js';

// 1. The mock answers /api/billing in a service worker. Remove it in production: your
//    backend implements the same API (docs/backend.md).
await startBrowserMock({ persistence: 'memory', quiet: true });

// 2. Register the tags before Angular renders them.
await import('billing-elements/define.js');

// 3. Bootstrap the standalone component (zoneless: no zone.js).
await bootstrapApplication(BillingPageComponent, { providers: [provideZonelessChangeDetection()] });
