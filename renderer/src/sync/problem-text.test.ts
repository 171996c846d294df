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
