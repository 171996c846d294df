import type { Member } from '../model/member';
import type { Order } from '../model/order';

/** An order with what the screens show beside it: the member and the total (always computed from lines). */
export interface OrderView {
  order: Order;
  member: Pick<Member, 'id' | 'name' | 'phone' | 'email'>;
  totalCents: number;
}
