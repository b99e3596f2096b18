import { Component, CUSTOM_ELEMENTS_SCHEMA, effect, signal } from '@angular/core';
import type { BillingChangeEvent, BillingErrorEvent, BillingUpdatePaymentMethodEvent } from 'billing-elements';

type Theme = '' | 'light' | 'dark';

/** The host's auth: every request of the billing elements goes through this. */
async function authFetch(request: Request): Promise<Response> {
  request.headers.set('Authorization', 'Bearer example-token');
  return fetch(request);
}

/**
 * An "Account › Billing" page with every billing element, as an Angular standalone
 * component. `CUSTOM_ELEMENTS_SCHEMA` lets the template use the billing-* tags;
 * `[fetch]` binds a property, `(billing-change)` listens to the event by name.
 */
@Component({
  selector: 'billing-page',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <header>
      <strong>Acme · Billing</strong>
      <span class="framework">Angular (standalone component, JIT)</span>
      <span class="spacer"></span>
      <label
        >Language
        <select [value]="lang()" (change)="lang.set($any($event.target).value)">
          <option value="en">English</option>
          <option value="nl">Nederlands</option>
        </select>
      </label>
      <label
        >Theme
        <select [value]="theme()" (change)="theme.set($any($event.target).value)">
          <option value="">System</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </label>
    </header>

    <main>
      <h1>Billing</h1>
      <ul class="log" aria-live="polite" aria-label="Events the page heard">
        @for (line of log(); track $index + line) {
          <li>{{ line }}</li>
        }
      </ul>

      <billing-provider
        base-url="/api/billing"
        [lang]="lang()"
        [theme]="theme() || undefined"
        [fetch]="authFetch"
        (billing-change)="onChange($event)"
        (billing-error)="onError($event)"
        (billing-update-payment-method)="onUpdatePaymentMethod($event)"
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
          <billing-invoice-list [pageSize]="5"></billing-invoice-list>
        </section>
        <section aria-labelledby="h-contacts">
          <h2 id="h-contacts">Contacts and billing details</h2>
          <billing-contacts-editor></billing-contacts-editor>
        </section>
      </billing-provider>
    </main>
  `,
})
export class BillingPageComponent {
  readonly lang = signal('en');
  readonly theme = signal<Theme>('');
  readonly log = signal<string[]>(['Events from the billing elements appear here.']);
  readonly authFetch = authFetch;

  constructor() {
    effect(() => {
      document.documentElement.lang = this.lang();
      document.documentElement.style.colorScheme = this.theme() || 'light dark';
    });
  }

  onChange(event: BillingChangeEvent): void {
    this.#note(`billing-change: ${event.topic}`);
  }

  onError(event: BillingErrorEvent): void {
    this.#note(`billing-error: ${event.error.kind}, ${event.error.message}`);
  }

  onUpdatePaymentMethod(event: BillingUpdatePaymentMethodEvent): void {
    this.#note(
      `billing-update-payment-method: open your payment provider here (on file: ${event.current?.kind ?? 'none'}).`,
    );
  }

  #note(line: string): void {
    this.log.update((l) => [line, ...l].slice(0, 4));
  }
}
