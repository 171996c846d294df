/**
 * Members' accounts (issue 7): balances, statements, payments recorded by
 * hand (advance payments, transfers, cheques), reversals and the payments
 * export for the accountant. Entries are only ever added: a mistake is
 * reversed with a reason, never edited or deleted.
 */
import { randomUUID } from 'node:crypto';
import { UserError } from '../../shared/contract/errors';
import { balance, openEntries, reverse, statement, type PaymentMethod } from '../../shared/accounts/ledger';
import { paymentRows } from '../../shared/accounts/payments-csv';
import type { AccountMember, AccountStatement, AccountSummary } from '../../shared/accounts/views';
import { writeCsv } from '../../shared/csv/write';
import { localInstant, todayIn } from '../../shared/distributions/calendar';
import type { Member } from '../../shared/model/member';
import type { CounterAccount } from '../../shared/accounts/counter';
import { translate } from '../../shared/i18n/messages';
import { compareText, matchesQuery } from '../../shared/text/normalise';
import type { Store } from '../store/store';
import { counterAccounts, entriesOfMember } from './account-entries';
import { existingDistribution } from './distributions';
import { ordersOf } from './ordered';
import { readRelay } from './relay';

export type BalanceFilter = 'all' | 'toPay' | 'credit';

const accountMember = ({ id, name, phone, email, archivedAt }: Member): AccountMember => ({ id, name, phone, email, archivedAt });

function existingMember(source: Store, id: string): Member {
  const member = source.get('member', id);
  if (!member) throw new UserError('error.memberNotFound');
  return member;
}

/**
 * The month (UTC, as account files are named) of the day next to a relay day: an entry of that relay day,
 * in any time zone, is filed between the months of the days either side of it, so an export of a few
 * months reads only those (issue 11).
 */
function monthAround(day: string | undefined, days: number): string | undefined {
  // In UTC milliseconds: a day added in the machine's own zone can land an hour short of the next month.
  return day === undefined ? undefined : new Date(Date.parse(`${day}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 7);
}

export function accountsService(store: () => Store, now: () => Date) {
  return {
    /** Active members, and archived ones whose account is not settled. */
    'accounts.list': async ({ query = '', filter }: { query?: string; filter: BalanceFilter }): Promise<AccountSummary[]> => {
      const source = store();
      // Summed by the store, past months from its index: the list reads no old month of accounts.
      const totals = source.accountTotals();
      return source
        .all('member')
        .map((member) => ({ member: accountMember(member), balanceCents: 0, entryCount: 0, ...totals.get(member.id) }))
        .filter(({ member, balanceCents }) => member.archivedAt === null || balanceCents !== 0)
        .filter(({ balanceCents }) => filter === 'all' || (filter === 'toPay' ? balanceCents < 0 : balanceCents > 0))
        .filter(({ member }) => matchesQuery(query, [member.name, member.email, member.phone]))
        .sort((a, b) => compareText(a.member.name, b.member.name));
    },

    'accounts.statement': async ({ memberId }: { memberId: string }): Promise<AccountStatement> => {
      const source = store();
      const member = existingMember(source, memberId);
      const entries = entriesOfMember(source, memberId);
      const orders: AccountStatement['orders'] = {};
      for (const orderId of new Set(entries.flatMap((entry) => (entry.orderId === undefined ? [] : [entry.orderId])))) {
        const order = source.get('order', orderId);
        const distribution = order && source.get('distribution', order.distributionId);
        if (order && distribution) orders[orderId] = { basketNumber: order.basketNumber, pickupDate: distribution.pickupDate, counter: order.counter };
      }
      return {
        orders,
        member: accountMember(member),
        balanceCents: balance(entries),
        lines: statement(entries),
        reversedIds: entries.flatMap((entry) => (entry.reverses === undefined ? [] : [entry.reverses])),
      };
    },

    /** What each order of a distribution leaves to pay or in credit: the pickup sheet prints it. */
    'accounts.forDistribution': async ({ distributionId }: { distributionId: string }): Promise<Record<string, CounterAccount>> => {
      const source = store();
      existingDistribution(source, distributionId);
      return Object.fromEntries(counterAccounts(source, ordersOf(source, distributionId)));
    },

    /**
     * A payment recorded by hand: an advance gives credit that later orders
     * use. `date` is the day the money came in (a transfer's value date);
     * recorded at noon that day, so the statement puts it in its place.
     */
    'accounts.recordPayment': (input: { memberId: string; amountCents: number; method: PaymentMethod; date?: string; reference: string }) =>
      store().transact((tx) => {
        const member = tx.get('member', input.memberId);
        if (!member) throw new UserError('error.memberNotFound');
        const { timeZone } = readRelay(tx);
        const today = todayIn(timeZone, now());
        if (input.date !== undefined && input.date > today) {
          throw new UserError('error.paymentInFuture', undefined, [{ path: 'date', key: 'error.paymentInFuture' }]);
        }
        const at = input.date === undefined || input.date === today ? now().toISOString() : localInstant(input.date, '12:00', timeZone);
        return tx.put('accountEntry', {
          id: randomUUID(),
          memberId: member.id,
          at,
          kind: 'payment',
          amountCents: input.amountCents,
          method: input.method,
          reference: input.reference,
          reason: '',
        });
      }),

    /**
     * Cancels a payment with a reason. Debits and refunds follow their order
     * (undo the pickup, find the item), so they are not reversed by hand; a
     * reversal is not reversed either: the payment is recorded again.
     */
    'accounts.reverse': ({ entryId, reason }: { entryId: string; reason: string }) =>
      store().transact((tx) => {
        const target = tx.get('accountEntry', entryId);
        if (!target) throw new UserError('error.entryNotFound');
        if (target.kind === 'reversal') throw new UserError('error.reversalNotReversible');
        if (target.kind !== 'payment') throw new UserError('error.entryFollowsOrder');
        // A walk-in buyer has no account to carry a debt: their sale is paid whole on the spot or not made.
        if (target.memberId === null) throw new UserError('error.walkInPaymentNotReversible');
        const sameAccount = entriesOfMember(tx, target.memberId);
        if (!openEntries(sameAccount).some((entry) => entry.id === target.id)) throw new UserError('error.entryAlreadyReversed');
        return tx.put('accountEntry', reverse(target, reason, now().toISOString(), randomUUID()));
      }),

    /** Payments and their reversals, for the accountant; `from`/`to` are days of the relay (inclusive). */
    'accounts.exportPayments': async ({ from, to }: { from?: string; to?: string }) => {
      const source = store();
      const { timeZone, language } = readRelay(source);
      const rows = paymentRows(source.entriesOfMonths(monthAround(from, -1), monthAround(to, 1)), {
        language,
        timeZone,
        from,
        to,
        nameOf: (entry) => {
          if (entry.memberId !== null) return source.get('member', entry.memberId)?.name ?? '?';
          return (entry.orderId && source.get('order', entry.orderId)?.buyerName) || '';
        },
      });
      const today = todayIn(timeZone, now());
      // Named in the relay's language, like the printed sheets ("paiements-debut-2026-03-31.csv", "payments-start-…").
      const fileName = `${translate(language, 'accounts.fileName.payments')}-${from ?? translate(language, 'accounts.fileName.fromStart')}-${to ?? today}.csv`;
      return { fileName, content: writeCsv(rows) };
    },
  };
}
