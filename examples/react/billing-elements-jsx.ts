/**
 * JSX types of the billing elements for React 19: copy this file into your app (a .ts
 * file rather than a .d.ts, so `skipLibCheck` cannot hide a mistake in it). React 19
 * passes a prop to a custom element as a property when the element has one, else as an
 * attribute, and turns `on<event-name>` into `addEventListener('<event-name>', …)`.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type {
  BillingChangeEvent,
  BillingClient,
  BillingContactsEditor,
  BillingErrorEvent,
  BillingInvoiceList,
  BillingProvider,
  BillingSubscriptionOverview,
  BillingUpdatePaymentMethodEvent,
  BillingUserCountChart,
  BillingUsersTable,
} from 'billing-elements';

/** The events of every billing element (they bubble, so the provider hears them all). */
interface BillingEvents {
  'onbilling-change'?: (event: BillingChangeEvent) => void;
  'onbilling-error'?: (event: BillingErrorEvent) => void;
  'onbilling-update-payment-method'?: (event: BillingUpdatePaymentMethodEvent) => void;
}

/**
 * React's own props of an element (`ref`, `key`, `className`, `style`, `lang`…), the events,
 * and what every element takes when used without a provider.
 */
type BillingTag<E> = DetailedHTMLProps<HTMLAttributes<E>, E> &
  BillingEvents & {
    'base-url'?: string;
    /** A property: a ready `BillingClient`. */
    client?: BillingClient;
  };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'billing-provider': BillingTag<BillingProvider> & {
        theme?: BillingProvider['theme'];
        /** A property: the host's fetch, e.g. to add auth headers. */
        fetch?: BillingProvider['fetch'];
      };
      'billing-subscription-overview': BillingTag<BillingSubscriptionOverview>;
      'billing-users-table': BillingTag<BillingUsersTable> & {
        month?: string;
        tab?: BillingUsersTable['tab'];
        sort?: BillingUsersTable['sort'];
        search?: string;
      };
      'billing-user-count-chart': BillingTag<BillingUserCountChart> & {
        view?: BillingUserCountChart['view'];
        month?: string;
        year?: number;
        'show-table'?: boolean;
        /** A property: daily counts to show instead of fetching them. */
        data?: BillingUserCountChart['data'];
        /** A property: monthly counts to show instead of fetching them. */
        yearData?: BillingUserCountChart['yearData'];
      };
      'billing-invoice-list': BillingTag<BillingInvoiceList> & {
        status?: BillingInvoiceList['status'];
        year?: number;
        'page-size'?: number;
      };
      'billing-contacts-editor': BillingTag<BillingContactsEditor> & {
        'save-delay'?: number;
      };
    }
  }
}
