/**
 * How the two versions of an order in conflict read: the merge hands them over
 * as raw field values (`lines` or `cancelledAt`), shown as "2 × Carottes" or
 * as cancelled / active.
 */
import type { MessageKey } from '../../../shared/i18n/messages';
import type { MessageParams } from '../../../shared/contract/errors';
import type { ConflictField } from '../../../shared/sync/conflicts';

type Translate = (key: MessageKey, params?: MessageParams) => string;

interface LineLike {
  productName?: unknown;
  quantity?: unknown;
}

/** One line per entry, each "quantity × product"; a value that is not lines reads as no lines. */
export function conflictValueLines(field: ConflictField, value: unknown, t: Translate): string[] {
  if (field === 'cancelledAt') return [t(value === null || value === undefined ? 'sync.order.active' : 'sync.order.cancelled')];
  const lines = Array.isArray(value) ? (value as LineLike[]) : [];
  const texts = lines
    .filter((line) => line !== null && typeof line === 'object')
    .map((line) => t('sync.orderLine', { quantity: Number(line.quantity ?? 0), product: String(line.productName ?? '?') }));
  return texts.length > 0 ? texts : [t('sync.order.noLines')];
}
