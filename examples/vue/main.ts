import { createApp, defineComponent, ref, watchEffect } from 'vue';
import type { BillingChangeEvent, BillingErrorEvent, BillingUpdatePaymentMethodEvent } from 'billing-elements';
// The kit's mock backend, from this repository. In your app: `import { startBrowserMock } from 'billing-elements/mocks'`.
import { startBrowserMock } from '../../mocks/browser.js';

// 1. The mock answers /api/billing in a service worker. Remove it in production: your
//    backend implements the same API (docs/backend.md).
await startBrowserMock({ persistence: 'memory', quiet: true });

// 2. Register the tags before Vue mounts them.
await import('billing-elements/define.js');

/** The host's auth: every request of the billing elements goes through this. */
async function authFetch(request: Request): Promise<Response> {
  request.headers.set('Authorization', 'Bearer example-token');
  return fetch(request);
}

/**
 * An "Account › Billing" page with every billing element, in Vue 3. The template is a
 * string compiled in the browser here; in a single-file component it is the same markup.
 */
const BillingPage = defineComponent({
  setup() {
    const lang = ref('en');
    const theme = ref<'' | 'light' | 'dark'>('');
    const log = ref<string[]>(['Events from the billing elements appear here.']);
    const note = (line: string) => (log.value = [line, ...log.value].slice(0, 4));

    watchEffect(() => {
      document.documentElement.lang = lang.value;
      document.documentElement.style.colorScheme = theme.value || 'light dark';
    });

    return {
      lang,
      theme,
      log,
      authFetch,
      onChange: (event: BillingChangeEvent) => note(`billing-change: ${event.topic}`),
      onError: (event: BillingErrorEvent) => note(`billing-error: ${event.error.kind}, ${event.error.message}`),
      onUpdatePaymentMethod: (event: BillingUpdatePaymentMethodEvent) =>
        note(
          `billing-update-payment-method: open your payment provider here (on file: ${event.current?.kind ?? 'none'}).`,
        ),
    };
  },
  // `:fetch.prop` sets a property (a function cannot be an attribute); `:theme` binds
  // undefined to remove the attribute; `@billing-change` listens to the event by name.
  template: `
    <header>
      <strong>Acme · Billing</strong>
      <span class="framework">Vue 3</span>
      <span class="spacer"></span>
      <label>Language
        <select v-model="lang">
          <option value="en">English</option>
          <option value="nl">Nederlands</option>
        </select>
      </label>
      <label>Theme
        <select v-model="theme">
          <option value="">System</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </label>
    </header>

    <main>
      <h1>Billing</h1>
      <ul class="log" aria-live="polite" aria-label="Events the page heard">
        <li v-for="(line, i) in log" :key="i + line">{{ line }}</li>
      </ul>

      <billing-provider
        base-url="/api/billing"
        :lang="lang"
        :theme="theme || undefined"
        :fetch.prop="authFetch"
        @billing-change="onChange"
        @billing-error="onError"
        @billing-update-payment-method="onUpdatePaymentMethod"
      >
        <section aria-labelledby="h-subscription">
          <h2 id="h-subscription">Subscription</h2>
          <billing-subscription-overview></billing-subscription-overview>
        </section>
        <section aria-labelledby="h-usage">
          <h2 id="h-usage">User count</h2>
          <billing-user-count-chart view="month"></billing-user-count-chart>
        </section>
        <section aria-labelledby="h-users">
          <h2 id="h-users">Users</h2>
          <billing-users-table tab="billed"></billing-users-table>
        </section>
        <section aria-labelledby="h-invoices">
          <h2 id="h-invoices">Invoices</h2>
          <billing-invoice-list page-size="5"></billing-invoice-list>
        </section>
        <section aria-labelledby="h-contacts">
          <h2 id="h-contacts">Contacts and billing details</h2>
          <billing-contacts-editor></billing-contacts-editor>
        </section>
      </billing-provider>
    </main>
  `,
});

const app = createApp(BillingPage);
// Tell Vue's template compiler that billing-* tags are custom elements, not Vue components.
app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('billing-');
app.mount('#app');
