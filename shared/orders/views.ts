import type { Member } from '../model/member';
import type { Order } from '../model/order';

/** An order with what the screens show beside it: the member and the total (always computed from lines). */
export interface OrderView {
  order: Order;
  member: Pick<Member, 'id' | 'name' | 'phone' | 'email'>;
  totalCents: number;
}

/** An order as the orders list shows it: with whether it was paid at the counter, for its État column (issue 14). */
export interface ListedOrder extends OrderView {
  /** Money was taken for it at the counter and nothing is left due. */
  paid: boolean;
}
