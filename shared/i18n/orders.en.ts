import type { ordersFr } from './orders.fr';

/** Messages of members, orders and settlement (issue 4), English. */
export const ordersEn: Record<keyof typeof ordersFr, string> = {
  'error.memberNotFound': 'This member does not exist.',
  'error.memberArchived': 'Member “{name}” is archived: restore them first.',
  'error.orderNotFound': 'This order does not exist.',
  'error.orderingClosed': 'Ordering is closed for this distribution. Record a late order to change it.',
  'error.orderCancelled': 'This order is cancelled: restore it first.',
  'error.notOffered': '“{product}” is not on sale in this distribution.',
  'error.outOfStock': 'Not enough “{product}” left: {remaining} left, {wanted} asked.',
  'error.lineNotFound': 'This line is no longer in the order.',
};
