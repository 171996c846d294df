/** What a statement line says, on screen and on paper: the kind of entry and what it is about. */
import type { AccountEntry } from '../../../shared/accounts/ledger';
import type { StatementOrder } from '../../../shared/accounts/views';
import { shortDay } from '../../../shared/i18n/format';
import type { Language } from '../../../shared/model/fields';
import type { I18n } from '../i18n/i18n-context';

export function entryLabel(t: I18n['t'], language: Language, entry: AccountEntry, orders: Record<string, StatementOrder>): string {
  const order = entry.orderId === undefined ? undefined : orders[entry.orderId];
  const basket = order?.basketNumber ?? '?';
  const method = entry.method ? t(`accounts.method.${entry.method}`) : '';
  switch (entry.kind) {
    case 'order':
      return t(order?.counter ? 'accounts.entry.counterSale' : 'accounts.entry.order', { basket, day: order ? shortDay(language, order.pickupDate) : '?' });
    case 'refund':
      return t('accounts.entry.refund', { basket });
    case 'payment':
      return order ? t('accounts.entry.counterPayment', { method, basket }) : t('accounts.entry.payment', { method });
    case 'reversal':
      return t('accounts.entry.reversal', { reason: entry.reason });
  }
}
