import { describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../../../shared/i18n/messages';
import type { MessageParams } from '../../../shared/contract/errors';
import { problemText } from './problem-text';

const refused = { code: 'invalidField', device: 'copy-b', record: 'producer p-1', field: 'distanceKm', value: '"far"', detail: 'validation.number' } as const;

describe('problemText: a refused field', () => {
  it('names the copy, the record, the field, the value and why, in French and in English', () => {
    const fr = problemText((key: MessageKey, params?: MessageParams) => translate('fr', key, params), refused);
    const en = problemText((key: MessageKey, params?: MessageParams) => translate('en', key, params), refused);
    expect(fr).toBe('Champ refusé de la copie copy-b : producer p-1, champ « distanceKm » = "far" (Entrez un nombre.). Le reste du changement est gardé.');
    expect(en).toBe('Field refused from copy copy-b: producer p-1, field “distanceKm” = "far" (Enter a number.). The rest of the change was kept.');
  });

  it('shows a reason that is no message key as it came', () => {
    const en = problemText((key: MessageKey, params?: MessageParams) => translate('en', key, params), { ...refused, detail: 'Invalid input' });
    expect(en).toContain('(Invalid input)');
  });
});

describe('problemText: a refused reason with parameters', () => {
  it('reads fully: a name too long says how long it may be', () => {
    const tooLong = { ...refused, field: 'name', value: '"xxx…"', detail: 'validation.tooLong', params: { max: 120 } };
    expect(problemText((key: MessageKey, params?: MessageParams) => translate('en', key, params), tooLong)).toContain('(Text too long (at most 120 characters).)');
    const network = { code: 'networkInvalid', device: 'Ferme du Bois', file: 'p-1', record: 'product p-2', field: 'name', detail: 'validation.tooLong', params: { max: 120 } } as const;
    expect(problemText((key: MessageKey, params?: MessageParams) => translate('fr', key, params), network)).toBe('Refusé du réseau : p-1 (producteur Ferme du Bois), product p-2, « name » : Texte trop long (120 caractères au plus)..');
  });
});
