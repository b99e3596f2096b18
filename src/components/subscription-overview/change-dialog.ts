/**
 * The change flow of <billing-subscription-overview>, loaded on demand: it runs only once
 * an admin submits one of the change forms (add or remove licenses, change the edition or
 * the billing frequency), so a page view that changes nothing does not download it. It
 * checks the form, prices added licenses, asks for confirmation in a modal dialog (what the
 * change costs, from when, what it means), and sends the change with one idempotency key
 * per action; a refusal goes next to the form's field.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { BillingApiError } from '../../client/errors.js';
import type { BillingClient } from '../../client/client.js';
import type { ChangeTopic } from '../../context/context.js';
import { newIdempotencyKey } from '../../client/idempotency.js';
import { errorMessage } from '../../internal/states.js';
import { en, nl } from './change-dialog.messages.js';
import { part } from './part.js';
import type { Action, OverviewHost, Pending } from './types.js';

const styles = css`
  dialog p {
    line-height: 1.45;
  }
  .quote {
    margin: calc(var(--_space) * 1.5) 0;
    padding: calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
    background: var(--_subtle);
  }
  .quote .value {
    font-size: 1.3rem;
  }
  .alert {
    margin: 0;
    color: var(--_danger);
    font-size: 0.9rem;
    line-height: 1.4;
  }
  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    justify-content: end;
    margin-top: calc(var(--_space) * 2);
  }
`;

const self = part(styles, { en, nl });
const { t } = self;
export const ready = self.ready;

const dialogOf = (host: OverviewHost): HTMLDialogElement | null => host.renderRoot.querySelector('dialog');

/** Puts `message` next to `action`'s field, and moves focus there. */
function fieldError(host: OverviewHost, action: Action, message: string): void {
  host.fieldErrors = { ...host.fieldErrors, [action]: message };
  void host.updateComplete.then(() => host.renderRoot.querySelector<HTMLElement>(`#${action}-field`)?.focus());
}

/** Shows the server's reason for refusing `action` next to its field. */
function refused(host: OverviewHost, action: Action, err: BillingApiError): void {
  const fields = err.fieldErrors;
  fieldError(
    host,
    action,
    fields['quantity'] ??
      fields['planId'] ??
      fields['periodMonths'] ??
      Object.values(fields)[0] ??
      errorMessage(host.locale, err),
  );
}

/**
 * Reads `action`'s form and opens its confirmation: after the prorated price, for added
 * licenses; a quantity that is not a whole number, or a refused price, is said next to the
 * field instead.
 */
export async function open(host: OverviewHost, action: Action): Promise<void> {
  let change: Omit<Pending, 'key' | 'busy'>;
  if (action === 'add' || action === 'remove') {
    const raw = host.inputs[action].trim();
    const quantity = Number(raw);
    if (!/^\d+$/.test(raw) || quantity < 1 || quantity > 100_000) {
      fieldError(host, action, t(host, 'overview.invalid-quantity'));
      return;
    }
    change = { action, quantity };
  } else {
    const value = host.choice(action);
    if (value === host.current(action)) return;
    change = action === 'plan' ? { action, planId: value } : { action, periodMonths: Number(value) };
  }
  host.fieldErrors = { ...host.fieldErrors, [action]: undefined };
  const billing = host.billing;
  if (!billing) return;
  if (action === 'add') {
    try {
      change.quote = await billing.client.quoteLicenses(change.quantity ?? 1);
    } catch (e) {
      refused(host, action, host.reportError(e));
      return;
    }
  }
  host.pending = { ...change, key: newIdempotencyKey(), busy: false };
  await host.updateComplete;
  const dialog = dialogOf(host);
  if (dialog && !dialog.open) dialog.showModal();
}

/** Cancels the pending change (not while it is on its way: that would hide its outcome). */
function close(host: OverviewHost): void {
  if (host.pending?.busy) return;
  dialogOf(host)?.close();
  host.pending = undefined;
}

/**
 * Sends the confirmed change. The pending change turns busy at once, so a second click in
 * the same task sends nothing; a retry reuses the action's key, so the server orders once.
 */
async function confirm(host: OverviewHost): Promise<void> {
  const p = host.pending;
  const billing = host.billing;
  if (!p || p.busy || !billing) return;
  host.pending = { ...p, busy: true, error: undefined };
  try {
    const [topic, detail, message] = await send(host, p, billing.client);
    host.pending = undefined;
    dialogOf(host)?.close();
    host.inputs = { ...host.inputs, [p.action]: p.quantity ? '1' : '' };
    host.status = message;
    host.changed(topic, detail);
  } catch (e) {
    const err = host.reportError(e);
    if (err.kind === 'invalid' || err.kind === 'conflict') {
      // The rules refused it: nothing changed; the reason goes next to the field.
      host.pending = undefined;
      dialogOf(host)?.close();
      refused(host, p.action, err);
    } else {
      host.pending = { ...p, busy: false, error: err };
    }
  }
}

/** Sends `p`; resolves to the topic that changed, the server's answer, and what was done in words. */
async function send(host: OverviewHost, p: Pending, client: BillingClient): Promise<[ChangeTopic, unknown, string]> {
  const options = { idempotencyKey: p.key };
  if (p.action === 'add' || p.action === 'remove') {
    const result = await client.orderLicenses(p.action, p.quantity ?? 0, options);
    const n = result.order.quantity ?? p.quantity ?? 0;
    const count = { count: n, n: host.fmtCount(n) };
    const invoice = result.invoice;
    return [
      'licenses',
      result,
      p.action === 'add'
        ? [
            t(host, 'overview.done.add', count),
            invoice
              ? t(host, 'overview.done.add-invoice', {
                  number: invoice.number,
                  total: host.fmtMoney(invoice.total, invoice.currency),
                })
              : '',
          ]
            .filter(Boolean)
            .join(' ')
        : t(host, 'overview.done.remove', { ...count, date: host.fmtDate(result.order.effectiveOn) }),
    ];
  }
  const order = await client.scheduleChange(
    p.action === 'plan'
      ? { kind: 'change-plan', planId: p.planId ?? '' }
      : { kind: 'change-period', periodMonths: (p.periodMonths ?? 1) as 1 | 6 | 12 },
    options,
  );
  const date = host.fmtDate(order.effectiveOn);
  return [
    'subscription',
    order,
    p.action === 'plan'
      ? t(host, 'overview.done.plan', { plan: host.planName(order.planId ?? p.planId ?? ''), date })
      : t(host, 'overview.done.period', { period: host.frequency(order.periodMonths ?? p.periodMonths ?? 1), date }),
  ];
}

/** The dialog asking to confirm the pending change: what it costs, from when, and what it means. */
export function render(host: OverviewHost): TemplateResult | typeof nothing {
  const p = host.pending;
  const sub = host.data?.sub;
  if (!p || !sub) return nothing;
  self.follow(host);
  const date = (iso: string): string => host.fmtDate(iso);
  const n = p.quantity ?? 0;
  const count = { count: n, n: host.fmtCount(n) };
  const nextStart = date(sub.nextPeriod.start);
  let title: string;
  let body: string;
  let confirmText: string;
  let price: string | undefined;
  switch (p.action) {
    case 'add': {
      const q = p.quote!;
      price = host.fmtMoney(q.amount, q.currency);
      title = t(host, 'overview.dialog.add.title', count);
      body = t(host, 'overview.dialog.add.body', {
        start: date(sub.today),
        end: date(q.period.end),
        days: host.fmtCount(q.daysRemaining),
        total: host.fmtCount(q.daysInPeriod),
      });
      confirmText = t(host, 'overview.dialog.add.confirm', { price });
      break;
    }
    case 'remove':
      title = t(host, 'overview.dialog.remove.title', count);
      body = t(host, 'overview.dialog.remove.body', { end: date(sub.currentPeriod.end), date: nextStart });
      confirmText = t(host, 'overview.dialog.remove.confirm');
      break;
    case 'plan': {
      const plan = host.planName(p.planId ?? '');
      title = t(host, 'overview.dialog.plan.title', { plan });
      body = t(host, 'overview.dialog.plan.body', {
        plan,
        current: host.planName(host.current('plan')),
        end: date(sub.currentPeriod.end),
        date: nextStart,
      });
      confirmText = t(host, 'overview.dialog.schedule');
      break;
    }
    case 'period':
      title = t(host, 'overview.dialog.period.title', { period: host.frequency(p.periodMonths ?? 1) });
      body = t(host, 'overview.dialog.period.body', { date: nextStart });
      confirmText = t(host, 'overview.dialog.schedule');
      break;
  }
  const error = p.error;
  return html`<dialog
    part="dialog"
    aria-labelledby="dialog-title"
    aria-describedby="dialog-body"
    @cancel=${(e: Event) => {
      // Escape while the order is on its way would hide its outcome.
      if (host.pending?.busy) e.preventDefault();
    }}
    @close=${() => close(host)}
  >
    <h2 id="dialog-title">${title}</h2>
    <p id="dialog-body">${body}</p>
    ${
      price
        ? html`<dl class="quote">
            <div class="row quote-price">
              <dt>${t(host, 'overview.dialog.add.price')}</dt>
              <dd><span class="value" part="figure">${price}</span></dd>
            </div>
          </dl>`
        : nothing
    }
    ${
      error
        ? html`<p class="alert" role="alert">
            ${errorMessage(host.locale, error)} ${error.retryable ? t(host, 'overview.dialog.retry') : nothing}
          </p>`
        : nothing
    }
    <div class="dialog-actions">
      <button type="button" @click=${() => close(host)} ?disabled=${p.busy}>${t(host, 'common.cancel')}</button>
      <button
        type="button"
        class="primary"
        part="confirm-button"
        @click=${() => void confirm(host)}
        ?disabled=${p.busy}
      >
        ${confirmText}
      </button>
    </div>
  </dialog>`;
}
