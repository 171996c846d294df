/** What the account screens, the counter and the till read (issue 7). */
import type { CashChange } from './due';
import type { AccountEntry, PaymentMethod, StatementLine } from './ledger';
import type { MethodTotals } from './till';
import type { Member } from '../model/member';
import type { Order } from '../model/order';
import type { TillClosingRecord } from '../model/till';

export type AccountMember = Pick<Member, 'id' | 'name' | 'phone' | 'email' | 'archivedAt'>;

export interface AccountSummary {
  member: AccountMember;
  /** Credit positive, debt negative. */
  balanceCents: number;
  entryCount: number;
}

export interface AccountStatement {
  member: AccountMember;
  balanceCents: number;
  /** Oldest first, each with the running balance. */
  lines: StatementLine[];
  /** Entries already reversed: the screen offers no second reversal. */
  reversedIds: string[];
  /** The orders the entries name, so the statement can say "basket 12 of Friday 6 March". */
  orders: Record<string, StatementOrder>;
}

export interface StatementOrder {
  basketNumber: number;
  pickupDate: string;
  counter: boolean;
}

/** What a payment taken at the counter did: the entry written (none when nothing was paid) and the change to give back. */
export interface CounterPayment {
  order: Order;
  payment: AccountEntry | null;
  change: CashChange;
  method: PaymentMethod;
}

export interface CounterSaleRow {
  orderId: string;
  basketNumber: number;
  /** The member's name, or the name a walk-in gave (may be empty). */
  buyer: string;
  walkIn: boolean;
  totalCents: number;
  paidCents: number;
  at: string;
}

export interface TillView {
  distributionId: string;
  /** Net payments taken at this distribution's counter, per method. */
  byMethod: MethodTotals;
  totalCents: number;
  /** Newest first; the first one stands, the others were corrected. */
  closings: TillClosingRecord[];
  counterSales: CounterSaleRow[];
}
