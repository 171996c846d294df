import { describe, expect, it } from 'vitest';
import { en } from '../../shared/i18n/en';
import { fr } from '../../shared/i18n/fr';
import type { MessageKey } from '../../shared/i18n/messages';
import { ORDERING_OPEN, pickupDay } from '../testing/pickup-day';
import { call } from '../testing/service-calls';
import { useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();
type Export = { fileName: string; content: string };

describe('export file names follow the relay’s language, like the printed sheets', () => {
  it('names the settlement and payments CSV (and heads the settlement’s columns) in French, then in English once the relay speaks English', async () => {
    const { app, distribution } = await pickupDay(await tempDir());
    const today = ORDERING_OPEN.toISOString().slice(0, 10);
    const names = async () => [
      (await call<Export>(app, 'settlement.exportCsv', { distributionId: distribution.id })).fileName,
      (await call<Export>(app, 'accounts.exportPayments', {})).fileName,
      (await call<Export>(app, 'accounts.exportPayments', { from: '2026-03-01', to: '2026-03-31' })).fileName,
    ];

    const settlementLines = async () =>
      (await call<Export>(app, 'settlement.exportCsv', { distributionId: distribution.id })).content.replace(/^\uFEFF/, '').trim().split('\r\n');

    expect(await names()).toEqual(['bilan-2026-03-06.csv', `paiements-debut-${today}.csv`, 'paiements-2026-03-01-2026-03-31.csv']);
    // The French headings are those earlier exports had: an accountant's import keeps working.
    expect((await settlementLines())[0]).toBe('producteur;ventes TTC;dont TVA;commission relais;frais de service;dû au producteur;remboursé (manquants)');
    await call(app, 'relay.update', { language: 'en' });
    expect(await names()).toEqual(['settlement-2026-03-06.csv', `payments-start-${today}.csv`, 'payments-2026-03-01-2026-03-31.csv']);
    const english = await settlementLines();
    expect(english[0]).toBe('producer;sales incl. VAT;of which VAT;host commission;service fee;owed to the producer;refunded (missing items)');
    expect(english.at(-1)).toMatch(/^TOTAL;/);
  });

  it('keeps every file-name word plain ASCII, safe on every system', () => {
    const keys = (Object.keys(fr) as MessageKey[]).filter((key) => key.includes('.fileName'));
    expect(keys).toEqual(expect.arrayContaining(['settlement.fileName', 'accounts.fileName.payments', 'accounts.fileName.fromStart']));
    for (const key of keys) {
      expect(fr[key]).toMatch(/^[a-z0-9-]+$/);
      expect(en[key]).toMatch(/^[a-z0-9-]+$/);
    }
  });
});
