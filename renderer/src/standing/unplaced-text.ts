import type { UnplacedLine } from '../../../shared/model/standing-order';
import type { MessageParams } from '../../../shared/contract/errors';
import type { MessageKey } from '../../../shared/i18n/messages';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** "Carottes : 2 sur 3 — quantité partielle": one line a standing order or "same as last week" could not place in full. */
export function unplacedText(t: Translate, line: UnplacedLine): string {
  return t('standing.unplacedItem', { product: line.productName, placed: line.placed, wanted: line.wanted, reason: t(`standing.reason.${line.reason}`) });
}
