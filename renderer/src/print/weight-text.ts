/**
 * The weight beside an item on the printed sheets (issue 15): the estimate
 * always, and the weighed figure once every bag in it is weighed — or "à
 * peser", so the person bagging sees what still goes on the scale.
 */
import { formatWeight } from '../../../shared/i18n/format';
import type { MessageKey } from '../../../shared/i18n/messages';
import type { MessageParams } from '../../../shared/contract/errors';
import type { Language } from '../../../shared/model/fields';
import { addWeight, type SheetLine, type SheetWeight } from '../../../shared/sheets/source';

type Translate = (key: MessageKey, params?: MessageParams) => string;

export function sheetWeightText(t: Translate, language: Language, weight: SheetWeight): string {
  const estimated = t('weight.estimated', { weight: formatWeight(language, weight.estimatedGrams) });
  const weighed = weight.weighedGrams === null ? t('weight.toWeigh') : t('weight.weighed', { weight: formatWeight(language, weight.weighedGrams) });
  return `${estimated} · ${weighed}`;
}

/** One line's weights (a receipt's line): null for a line sold by the unit. */
export function lineWeightText(t: Translate, language: Language, line: SheetLine): string | null {
  const weight = addWeight(null, line);
  return weight && sheetWeightText(t, language, weight);
}
