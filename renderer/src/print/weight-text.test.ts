import { describe, expect, it } from 'vitest';
import { translate } from '../../../shared/i18n/messages';
import type { Language } from '../../../shared/model/fields';
import { lineWeightText } from './weight-text';

const t = (language: Language) => (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(language, key, params);
const tomme = { productId: 'tomme', productName: 'Tomme de vache', quantity: 3, unitPriceCents: 1890, pieceGrams: 400, weighedGrams: 1311 };

describe('a receipt line’s weight', () => {
  it('says the estimate of its pieces and the weight it was charged on, once weighed', () => {
    expect(lineWeightText(t('fr'), 'fr', tomme)).toBe('estimé 1,2 kg · pesé 1,311 kg');
    expect(lineWeightText(t('en'), 'en', { ...tomme, quantity: 2, weighedGrams: 812 })).toBe('estimated 800 g · weighed 812 g');
  });

  it('says a line not weighed yet is still to weigh, and says nothing of a line sold by the unit', () => {
    expect(lineWeightText(t('fr'), 'fr', { ...tomme, weighedGrams: null })).toBe('estimé 1,2 kg · à peser');
    expect(lineWeightText(t('fr'), 'fr', { ...tomme, pieceGrams: null, weighedGrams: null })).toBeNull();
  });
});
