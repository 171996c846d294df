import type { StandingLine, StandingOrder, UnplacedLine } from '../model/standing-order';

export type StandingStatus = 'active' | 'paused' | 'stopped';

export interface StandingOrderView {
  standingOrder: StandingOrder;
  status: StandingStatus;
  lines: (StandingLine & { productName: string })[];
}

/** A standing order's placement in one distribution, as the orders page lists what could not be placed. */
export interface PlacementView {
  memberId: string;
  memberName: string;
  orderId: string | null;
  unplaced: UnplacedLine[];
}

/** "Same as last week": what was copied, from which distribution, and what could not be. */
export interface RepeatResult {
  orderId: string | null;
  fromPickupDate: string;
  placed: number;
  unplaced: UnplacedLine[];
}

export function standingStatus(standingOrder: Pick<StandingOrder, 'pausedAt' | 'stoppedAt'>): StandingStatus {
  if (standingOrder.stoppedAt !== null) return 'stopped';
  return standingOrder.pausedAt !== null ? 'paused' : 'active';
}
