/**
 * Domain conflicts a merge can create (issue 6), shown to the organiser and
 * never dropped:
 * - stock oversold: copies working offline each sold within the stock they
 *   knew, or a producer lowered the stock below what an organiser's copy had
 *   sold meanwhile. Derived from the data itself, so it shows until the stock
 *   is raised or orders are trimmed, on whichever copy.
 * - order edited on two copies: both changed the same order's lines (or
 *   cancelled it on one side) before seeing each other's change; the merge
 *   kept the later one, and the other version is kept here to be taken back.
 * - one member, two orders: two copies each opened an order for the member in
 *   the same distribution (one order per member is the rule).
 * - one basket number, two orders: two copies each gave out the next number.
 * - an account out of line with its order: two copies each debited the same
 *   collected order offline (or each reversed the same debit), so the member
 *   would pay twice (or not at all).
 * - a payment reversed on two copies: the member would be charged it twice.
 * - one invoice number, two invoices: two organisers' copies each issued the next number offline.
 */
export const CONFLICT_FIELDS = ['lines', 'cancelledAt'] as const;
export type ConflictField = (typeof CONFLICT_FIELDS)[number];

export interface StockConflict {
  id: string;
  kind: 'stockOversold';
  distributionId: string;
  pickupDate: string;
  offerId: string;
  productId: string;
  productName: string;
  producerName: string;
  available: number;
  ordered: number;
}

export interface OrderConflict {
  id: string;
  kind: 'orderEdited';
  distributionId: string;
  pickupDate: string;
  orderId: string;
  basketNumber: number;
  memberName: string;
  field: ConflictField;
  /** The value every copy now holds. */
  kept: unknown;
  /** The value the merge set aside. */
  other: unknown;
  detectedAt: string;
}

export interface OrderRef {
  orderId: string;
  basketNumber: number;
  memberName: string;
  lineCount: number;
  createdAt: string;
}

export interface TwoOrdersConflict {
  id: string;
  kind: 'memberOrderedTwice';
  distributionId: string;
  pickupDate: string;
  memberName: string;
  /** Oldest first: merging keeps the first and moves the others' lines into it. */
  orders: OrderRef[];
}

export interface BasketConflict {
  id: string;
  kind: 'basketShared';
  distributionId: string;
  pickupDate: string;
  basketNumber: number;
  /** Oldest first: renumbering keeps the number for the first. */
  orders: OrderRef[];
}

export interface AccountConflict {
  id: string;
  kind: 'accountOutOfLine';
  distributionId: string;
  pickupDate: string;
  orderId: string;
  basketNumber: number;
  memberName: string;
  /** What the member's account carries for this order now (debits negative). */
  carriedCents: number;
  /** What it should carry: minus the order's total less its missing lines, or 0 if not debited. */
  expectedCents: number;
}

/** One payment reversed on two copies (each organiser fixed the same mistake offline): the member is charged it twice. */
export interface PaymentConflict {
  id: string;
  kind: 'paymentReversedTwice';
  paymentId: string;
  memberName: string;
  amountCents: number;
  method: string;
  paidAt: string;
  /** How many reversals stand against it (one is right). */
  reversals: number;
}

/**
 * One invoice number given by two organisers' copies offline (issue 15). Issued invoices never
 * change, so neither is renumbered: both are listed, and the organiser cancels one with a credit
 * note and issues it again under a new number.
 */
export interface InvoiceNumberConflict {
  id: string;
  kind: 'invoiceNumberShared';
  number: string;
  /** Oldest first. */
  invoices: {
    invoiceId: string;
    invoiceKind: 'invoice' | 'creditNote';
    producerName: string;
    issuedAt: string;
    /** The number of the credit note that cancelled it, once the organiser has. */
    creditedBy: string | null;
  }[];
}

export type SyncConflict = StockConflict | OrderConflict | TwoOrdersConflict | BasketConflict | AccountConflict | PaymentConflict | InvoiceNumberConflict;

export const CONFLICT_ACTIONS = ['raiseStock', 'trimOrders', 'keep', 'useOther', 'mergeOrders', 'renumber', 'reconcile'] as const;
export type ConflictAction = (typeof CONFLICT_ACTIONS)[number];
