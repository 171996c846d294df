import { describe, expect, it } from 'vitest';
import { translate } from '../../../shared/i18n/messages';
import { conflictValueLines } from './conflict-text';

const fr = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('fr', key, params);
const en = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('en', key, params);

describe('the two versions of an order in conflict', () => {
  it('read order lines as "quantity × product", in their order', () => {
    const lines = [
      { id: 'a', productName: 'Carottes', quantity: 2 },
      { id: 'b', productName: 'Poireaux', quantity: 1 },
    ];
    expect(conflictValueLines('lines', lines, fr)).toEqual(['2 × Carottes', '1 × Poireaux']);
    expect(conflictValueLines('lines', lines, en)).toEqual(['2 × Carottes', '1 × Poireaux']);
  });

  it('say when a version has no lines, or is not a list of lines', () => {
    expect(conflictValueLines('lines', [], fr)).toEqual(['aucune ligne']);
    expect(conflictValueLines('lines', null, en)).toEqual(['no lines']);
  });

  it('read a cancellation as cancelled or active', () => {
    expect(conflictValueLines('cancelledAt', '2026-03-01T10:00:00.000Z', fr)).toEqual(['annulée']);
    expect(conflictValueLines('cancelledAt', null, fr)).toEqual(['active']);
    expect(conflictValueLines('cancelledAt', null, en)).toEqual(['active']);
    expect(conflictValueLines('cancelledAt', '2026-03-01T10:00:00.000Z', en)).toEqual(['cancelled']);
  });
});
