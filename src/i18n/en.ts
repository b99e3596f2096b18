/**
 * The type of the whole catalogue: the shared messages (common.ts), each element's own
 * (components/<name>/<name>.messages.ts) and each private element's (beside it). Types
 * only: at run time each element carries just its own messages, so one element on a page
 * does not ship the others'.
 */
import type * as contactsEditor from '../components/contacts-editor/contacts-editor.messages.js';
import type * as contactsEditorParts from '../components/contacts-editor/editing.messages.js';
import type * as invoiceDetail from '../components/invoice-list/invoice-detail.messages.js';
import type * as invoiceList from '../components/invoice-list/invoice-list.messages.js';
import type * as settleOutcome from '../components/invoice-list/settle-outcome.messages.js';
import type * as changeDialog from '../components/subscription-overview/change-dialog.messages.js';
import type * as orderHistory from '../components/subscription-overview/order-history.messages.js';
import type * as subscriptionOverview from '../components/subscription-overview/subscription-overview.messages.js';
import type * as userCountChart from '../components/user-count-chart/user-count-chart.messages.js';
import type * as userDialog from '../components/users-table/user-dialog.messages.js';
import type * as usersTable from '../components/users-table/users-table.messages.js';
import type * as common from './common.js';
import type * as errorDetails from '../internal/error-details.messages.js';
import type * as peopleDialog from '../components/users-table/people-dialog.messages.js';
import type { Message } from './types.js';

export type { Message };

type All = typeof common.en &
  typeof errorDetails.en &
  typeof peopleDialog.en &
  typeof usersTable.en &
  typeof userDialog.en &
  typeof subscriptionOverview.en &
  typeof changeDialog.en &
  typeof orderHistory.en &
  typeof userCountChart.en &
  typeof invoiceList.en &
  typeof invoiceDetail.en &
  typeof settleOutcome.en &
  typeof contactsEditor.en &
  typeof contactsEditorParts.en;

/** Every message key of the kit. */
export type MessageKey = keyof All;
