/**
 * Money at the counter on distribution day (issue 7): "Encaisser et remettre"
 * (the bag is handed over and paid in one step) and the counter sale of
 * leftover stock. Each is one transaction: the order, its debit and the
 * payment reach the disk together or not at all.
 */
import { randomUUID } from 'node:crypto';
import { UserError } from '../../shared/contract/errors';
import { paymentAtCounter } from '../../shared/accounts/due';
import type { AccountEntry, PaymentMethod } from '../../shared/accounts/ledger';
import type { CounterPayment } from '../../shared/accounts/views';
import { ORDER_DEFAULTS, ORDER_LINE_DEFAULTS, type Order, type OrderLine } from '../../shared/model/order';
import { nextBasketNumber } from '../../shared/orders/totals';
import type { Store, Transaction } from '../store/store';
import { accountOfOrder, counterAccounts } from './account-entries';
import { openEntries, reverse } from '../../shared/accounts/ledger';
import { changeAtCounter } from './checkin';
import { existingDistribution } from './distributions';
import { ordersOf } from './ordered';
import { checkStock } from './orders';
import { readRelay } from './relay';
import { formatMoney } from '../../shared/i18n/format';

export interface CounterPaymentInput {
  method: PaymentMethod;
  /** Cash: the money handed over (the change is given back). Other methods: the amount charged. */
  tenderedCents: number;
}

/**
 * Takes what is due for the order, now debited (paymentAtCounter says what the
 * money does). A walk-in has no account: the sale is paid in full, on the spot.
 */
function takePayment(tx: Transaction, order: Order, { method, tenderedCents }: CounterPaymentInput, at: Date): CounterPayment {
  // The member's balance from the store (past months from its index) and the order's own entries: no past month is read for them.
  const { due } = counterAccounts(tx, [order]).get(order.id)!;
  const walkIn = order.memberId === null;
  if (walkIn && tenderedCents < due.dueCents) {
    const { language, currency } = readRelay(tx);
    const params = { due: formatMoney(language, due.dueCents, currency) };
    throw new UserError('error.walkInPaysAll', params, [{ path: 'tenderedCents', key: 'error.walkInPaysAll', params }]);
  }
  const { extraCreditCents: _credit, ...change } = paymentAtCounter(method, due.dueCents, tenderedCents, walkIn);
  let payment: AccountEntry | null = null;
  if (change.paidCents > 0) {
    payment = tx.put('accountEntry', {
      id: randomUUID(),
      memberId: order.memberId,
      at: at.toISOString(),
      kind: 'payment',
      amountCents: change.paidCents,
      method,
      reference: '',
      reason: '',
      orderId: order.id,
      distributionId: order.distributionId,
    });
  }
  return { order, payment, change, method };
}

export interface CounterSaleInput extends CounterPaymentInput {
  distributionId: string;
  memberId: string | null;
  buyerName: string;
  /** `grams`: what the scale showed for the line's pieces; required for a product sold by weight, refused for the others. */
  lines: { productId: string; quantity: number; grams?: number }[];
}

export function counterService(store: () => Store, now: () => Date) {
  return {
    'counter.collectAndPay': ({ orderId, ...payment }: CounterPaymentInput & { orderId: string }) =>
      store().transact((tx) => {
        const at = now();
        const order = changeAtCounter(tx, orderId, at, (current) =>
          current.collectedAt !== null ? {} : { collectedAt: at.toISOString(), noShowAt: null },
        );
        return takePayment(tx, order, payment, at);
      }),

    /**
     * Leftover stock sold on the spot: a collected order marked `counter`,
     * taking stock through the same check as any order (never oversold), its
     * debit and its payment written with it.
     */
    'counter.sell': ({ distributionId, memberId, buyerName, lines, ...payment }: CounterSaleInput) =>
      store().transact((tx) => {
        const at = now();
        const stamp = at.toISOString();
        if (existingDistribution(tx, distributionId).cancelledAt !== null) throw new UserError('error.distributionCancelled');
        if (memberId !== null) {
          const member = tx.get('member', memberId);
          if (!member) throw new UserError('error.memberNotFound');
          if (member.archivedAt !== null) throw new UserError('error.memberArchived', { name: member.name });
        }
        // The same product typed twice is one line: the stock check must see the whole quantity (and the scale the whole weight).
        const wanted = new Map<string, { quantity: number; grams: number | null }>();
        for (const line of lines) {
          const before = wanted.get(line.productId);
          const grams = line.grams === undefined ? null : (before?.grams ?? 0) + line.grams;
          wanted.set(line.productId, { quantity: (before?.quantity ?? 0) + line.quantity, grams: before && before.grams === null ? null : grams });
        }
        const orderLines: OrderLine[] = [...wanted].map(([productId, { quantity, grams }]) => {
          const { priceCents, name, vatRateBp, pieceGrams } = checkStock(tx, distributionId, productId, quantity);
          // Leftovers sold by weight are on the scale at the counter: charged on that weight, never on the estimate (issue 15).
          if (pieceGrams === null && grams !== null) throw new UserError('error.notSoldByWeight');
          if (pieceGrams !== null && grams === null) throw new UserError('error.counterWeighFirst', { product: name });
          return { id: randomUUID(), productId, productName: name, quantity, unitPriceCents: priceCents, vatRateBp, addedAt: stamp, ...ORDER_LINE_DEFAULTS, pieceGrams, weighedGrams: grams };
        });
        const order = tx.put('order', {
          id: randomUUID(),
          distributionId,
          memberId,
          basketNumber: nextBasketNumber(ordersOf(tx, distributionId)),
          lines: orderLines,
          note: '',
          late: false,
          cancelledAt: null,
          ...ORDER_DEFAULTS,
          collectedAt: stamp,
          counter: true,
          buyerName: memberId === null ? buyerName : '',
          createdAt: stamp,
          updatedAt: stamp,
        });
        // Debited now by the store's account rule (accountRules): the payment is taken against the debit.
        tx.applyRules();
        return takePayment(tx, order, payment, at);
      }),

    /**
     * A counter sale made by mistake: it is cancelled (its stock is free again) and
     * its debit reversed. A walk-in is given the money back (the payment reversed,
     * so the till no longer expects it); a member's payment stays on their account
     * as credit, to use or to pay back from the account screen.
     */
    'counter.cancel': ({ orderId, reason }: { orderId: string; reason: string }) =>
      store().transact((tx) => {
        const at = now();
        const order = tx.get('order', orderId);
        if (!order || !order.counter) throw new UserError('error.orderNotFound');
        if (order.cancelledAt !== null) throw new UserError('error.orderCancelled');
        const why = reason.trim();
        if (why === '') throw new UserError('error.invalidInput', undefined, [{ path: 'reason', key: 'validation.required' }]);
        const cancelled = tx.put('order', { ...order, cancelledAt: at.toISOString(), updatedAt: at.toISOString() });
        // Its debit is reversed by the store's account rule (accountRules), before its payment is.
        tx.applyRules();
        if (order.memberId === null) {
          const ledger = accountOfOrder(tx.entriesOfOrders(new Set([order.id])), order);
          for (const payment of openEntries(ledger).filter((entry) => entry.kind === 'payment')) {
            tx.put('accountEntry', reverse(payment, why, at.toISOString(), randomUUID()));
          }
        }
        return cancelled;
      }),
  };
}
