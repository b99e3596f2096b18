import { useCallback, useEffect, useState } from 'react';
import type { BillingChangeEvent, BillingErrorEvent, BillingUpdatePaymentMethodEvent } from 'billing-elements';
// The JSX types of the billing-* tags, generated from the kit's manifest and shipped in the package.
import type {} from 'billing-elements/react';

type Theme = 'light' | 'dark' | undefined;

/** The host's auth: every request of the billing elements goes through this. */
async function authFetch(request: Request): Promise<Response> {
  request.headers.set('Authorization', 'Bearer example-token');
  return fetch(request);
}

/** An "Account › Billing" page with every billing element, in React 19. */
export function App() {
  const [lang, setLang] = useState('en');
  const [theme, setTheme] = useState<Theme>(undefined);
  const [log, setLog] = useState<string[]>(['Events from the billing elements appear here.']);
  const note = useCallback((line: string) => setLog((l) => [line, ...l].slice(0, 4)), []);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.style.colorScheme = theme ?? 'light dark';
  }, [lang, theme]);

  // Typed handlers: React 19 adds a listener for `on` + the exact event name.
  const onChange = (event: BillingChangeEvent) => note(`billing-change: ${event.topic}`);
  const onError = (event: BillingErrorEvent) => note(`billing-error: ${event.error.kind}, ${event.error.message}`);
  const onUpdatePaymentMethod = (event: BillingUpdatePaymentMethodEvent) =>
    note(`billing-update-payment-method: open your payment provider here (on file: ${event.current?.kind ?? 'none'}).`);

  return (
    <>
      <header>
        <strong>Acme · Billing</strong>
        <span className="framework">React 19</span>
        <span className="spacer" />
        <label>
          Language
          <select value={lang} onChange={(e) => setLang(e.target.value)}>
            <option value="en">English</option>
            <option value="nl">Nederlands</option>
          </select>
        </label>
        <label>
          Theme
          <select value={theme ?? ''} onChange={(e) => setTheme((e.target.value || undefined) as Theme)}>
            <option value="">System</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
      </header>

      <main>
        <h1>Billing</h1>
        <ul className="log" aria-live="polite" aria-label="Events the page heard">
          {log.map((line, i) => (
            <li key={`${i}-${line}`}>{line}</li>
          ))}
        </ul>

        {/* Strings and numbers: attribute names (also right in server rendering). Functions
            and objects: property names (React sets them as properties). Events: `on` + name.
            Every prop and handler is typed by billing-elements/react. */}
        <billing-provider
          base-url="/api/billing"
          lang={lang}
          theme={theme}
          fetch={authFetch}
          onbilling-change={onChange}
          onbilling-error={onError}
          onbilling-update-payment-method={onUpdatePaymentMethod}
        >
          <section aria-labelledby="h-subscription">
            <h2 id="h-subscription">Subscription</h2>
            <billing-subscription-overview />
          </section>
          <section aria-labelledby="h-usage">
            <h2 id="h-usage">User count</h2>
            <billing-user-count-chart view="month" />
          </section>
          <section aria-labelledby="h-users">
            <h2 id="h-users">Users</h2>
            <billing-users-table tab="billed" />
          </section>
          <section aria-labelledby="h-invoices">
            <h2 id="h-invoices">Invoices</h2>
            <billing-invoice-list page-size={5} />
          </section>
          <section aria-labelledby="h-contacts">
            <h2 id="h-contacts">Contacts and billing details</h2>
            <billing-contacts-editor />
          </section>
        </billing-provider>
      </main>
    </>
  );
}

/**
 * Never rendered: the type check of the examples proves the shipped JSX types are live.
 * `status` takes an InvoiceStatus (`'open'`, `'paid'`…); were the types missing, the
 * directive below would be unused, which fails the check too.
 */
export function WrongStatus() {
  // @ts-expect-error -- 42 is not an InvoiceStatus.
  return <billing-invoice-list status={42} />;
}
