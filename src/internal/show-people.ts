import { BillingPeopleEvent, type PeopleQuery } from './events.js';
import { privateElement } from './private-element.js';

// The one place the shared layer reaches an element's folder (docs/architecture.md): on
// demand, so no element's bundle holds the users table; every element opens it this way.
const dialog = privateElement(() => import('../components/users-table/people-dialog.js'));

/**
 * Opens the people behind a figure, the one way every element does it: fires a
 * {@link BillingPeopleEvent} from `from` (the element), and unless the host cancels it,
 * loads the people dialog (a chunk of its own) and shows it in `from`'s shadow root, so
 * the table inside finds the same provider. Focus returns to the element that had it.
 * Rejects (a network `BillingApiError`) when the dialog's chunk cannot be loaded.
 */
export async function showPeople(from: HTMLElement, query: PeopleQuery): Promise<void> {
  if (!from.dispatchEvent(new BillingPeopleEvent(query))) return;
  const m = await dialog();
  m.open(from, query);
}
