/**
 * Closing the till of a distribution (issue 7): the cash expected (opening
 * float plus the cash taken at this counter, reversals deducted) against the
 * cash counted, the difference with a note, and the totals per method.
 * A closing is never edited; closing again records a correction that names
 * the closing it corrects. Closing the till closes the day: in "debit on
 * close" mode, every order is debited then.
 */
import { randomUUID } from 'node:crypto';
import { UserError } from '../../shared/contract/errors';
import { closeTill, methodTotals } from '../../shared/accounts/till';
import type { CounterSaleRow, TillView } from '../../shared/accounts/views';
import type { TillClosingRecord } from '../../shared/model/till';
import { isActive, orderTotal } from '../../shared/orders/totals';
import { distributionFile } from '../store/entities';
import type { Store, Transaction } from '../store/store';
import { existingDistribution } from './distributions';
import { ordersOf, orderView } from './ordered';

type Source = Store | Transaction;

/** Only the months holding entries taken at this counter are read, however many years of accounts there are (issue 11). */
function tillEntries(source: Source, distributionId: string) {
  return source.entriesOfDistribution(distributionId);
}

/** Newest first, by the chain of corrections (two closings in the same millisecond still come in order). */
function closingsOf(source: Source, distributionId: string): TillClosingRecord[] {
  const closings = source.inFile('tillClosing', distributionFile(distributionId));
  const corrected = new Set(closings.map((closing) => closing.corrects));
  const byId = new Map(closings.map((closing) => [closing.id, closing]));
  const chain: TillClosingRecord[] = [];
  for (let next = closings.find((closing) => !corrected.has(closing.id)); next && !chain.includes(next); next = byId.get(next.corrects ?? '')) {
    chain.push(next);
  }
  // Closings outside the chain (two copies closed offline, later merged) still show, oldest last.
  const rest = closings.filter((closing) => !chain.includes(closing)).sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return [...chain, ...rest];
}

function counterSales(source: Source, distributionId: string): CounterSaleRow[] {
  const entries = tillEntries(source, distributionId);
  return ordersOf(source, distributionId)
    .filter((order) => order.counter && isActive(order))
    .map((order) => ({
      orderId: order.id,
      basketNumber: order.basketNumber,
      buyer: orderView(source, order).member.name,
      walkIn: order.memberId === null,
      totalCents: orderTotal(order),
      paidCents: entries.filter((entry) => entry.orderId === order.id && entry.method !== undefined).reduce((sum, entry) => sum + entry.amountCents, 0),
      at: order.createdAt,
    }))
    .sort((a, b) => a.basketNumber - b.basketNumber);
}

export function tillService(store: () => Store, now: () => Date) {
  return {
    'till.get': async ({ distributionId }: { distributionId: string }): Promise<TillView> => {
      const source = store();
      existingDistribution(source, distributionId);
      const byMethod = methodTotals(tillEntries(source, distributionId));
      return {
        distributionId,
        byMethod,
        totalCents: Object.values(byMethod).reduce((sum, cents) => sum + cents, 0),
        closings: closingsOf(source, distributionId),
        counterSales: counterSales(source, distributionId),
      };
    },

    'till.close': ({ distributionId, floatCents, countedCents, note }: { distributionId: string; floatCents: number; countedCents: number; note: string }) =>
      store().transact((tx) => {
        existingDistribution(tx, distributionId);
        const closing = closeTill(tillEntries(tx, distributionId), countedCents, floatCents);
        // A difference is money found or missing: the organiser says why, for whoever checks the books.
        if (closing.differenceCents !== 0 && note.trim() === '') {
          throw new UserError('error.tillDifferenceNeedsNote', undefined, [{ path: 'note', key: 'error.tillDifferenceNeedsNote' }]);
        }
        const previous = closingsOf(tx, distributionId)[0];
        const at = now();
        const record = tx.put('tillClosing', {
          id: randomUUID(),
          distributionId,
          at: at.toISOString(),
          floatCents,
          countedCents,
          expectedCents: closing.expectedCents,
          differenceCents: closing.differenceCents,
          byMethod: closing.byMethod,
          note,
          corrects: previous?.id ?? null,
        });
        // Every order of the day follows the closing through the store's account rule (accountRules).
        return record;
      }),
  };
}
