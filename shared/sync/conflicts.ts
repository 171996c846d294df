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

export type SyncConflict = StockConflict | OrderConflict;

export const CONFLICT_ACTIONS = ['raiseStock', 'trimOrders', 'keep', 'useOther'] as const;
export type ConflictAction = (typeof CONFLICT_ACTIONS)[number];
