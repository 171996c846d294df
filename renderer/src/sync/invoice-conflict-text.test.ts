import { describe, expect, it } from 'vitest';
import { translate } from '../../../shared/i18n/messages';
import type { Language } from '../../../shared/model/fields';
import { invoiceCopyText } from './invoice-conflict-text';

const t = (language: Language) => (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(language, key, params);
const held = { invoiceId: 'b', invoiceKind: 'invoice' as const, producerName: 'Boulangerie Martin', issuedAt: '2026-03-31T10:01:00.000Z', creditedBy: null };

describe('a document holding an invoice number given twice', () => {
  it('says what it is, for which producer and when it was issued, on the relay’s clock', () => {
    expect(invoiceCopyText(held, t('fr'), 'fr', 'Europe/Brussels')).toBe('Facture de Boulangerie Martin, émise le 31 mars 2026 12:01');
    expect(invoiceCopyText(held, t('en'), 'en', 'Europe/Brussels')).toBe('Invoice for Boulangerie Martin, issued on 31 March 2026 12:01');
    expect(invoiceCopyText({ ...held, invoiceKind: 'creditNote' }, t('fr'), 'fr', 'Europe/Brussels')).toBe('Avoir de Boulangerie Martin, émis le 31 mars 2026 12:01');
  });

  it('says which credit note already cancelled it', () => {
    expect(invoiceCopyText({ ...held, creditedBy: '2026-0002' }, t('fr'), 'fr', 'Europe/Brussels')).toBe(
      'Facture de Boulangerie Martin, émise le 31 mars 2026 12:01 — annulée par l’avoir n° 2026-0002',
    );
    expect(invoiceCopyText({ ...held, creditedBy: '2026-0002' }, t('en'), 'en', 'Europe/Brussels')).toBe(
      'Invoice for Boulangerie Martin, issued on 31 March 2026 12:01 — cancelled by credit note no. 2026-0002',
    );
  });
});
