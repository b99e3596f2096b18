/**
 * A plain TypeScript host: no framework, the typed client and the contract's types from the
 * package. The package check type-checks it under `strict` against the installed tarball,
 * so an API type that turned into `any` (a declaration file that resolves to nothing)
 * fails the build: the `@ts-expect-error` below must find a real error.
 */
import { BillingApiError, BillingClient, type components } from 'billing-elements';

type Subscription = components['schemas']['SubscriptionOverview'];

/** One line a host might show in its own header: "Team, 53 billed users, €1,060.00". */
export async function billingSummary(client: BillingClient, locale = 'en'): Promise<string> {
  try {
    const subscription: Subscription = await client.getSubscription();
    // @ts-expect-error -- the contract has no `discountCode`: this line proves the types are real.
    void subscription.discountCode;
    const { items } = await client.listInvoices({ status: ['open'] });
    const open = items.reduce((sum, invoice) => sum + invoice.total, 0);
    const money = new Intl.NumberFormat(locale, { style: 'currency', currency: subscription.currency });
    return `${subscription.plan.name}, ${open === 0 ? 'nothing open' : `${money.format(open / 100)} open`}`;
  } catch (error) {
    if (error instanceof BillingApiError && error.kind === 'forbidden') return 'Ask your administrator';
    throw error;
  }
}

export const client = new BillingClient({ baseUrl: '/api/billing' });
