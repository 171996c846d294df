import { describe, expect, it } from 'vitest';
import type { MessageParams } from '../../../shared/contract/errors';
import { translate, type MessageKey } from '../../../shared/i18n/messages';
import type { SyncReport } from '../../../shared/sync/status';
import { reportNotice, summaryText, syncSummary } from './sync-summary';

const folders: SyncReport['folders'] = [{ level: 'team', received: 0, sent: 0, problems: [] }];

function lines(language: 'fr' | 'en', report: SyncReport): string[] {
  return syncSummary(report).map((line) => summaryText((key: MessageKey, params?: MessageParams) => translate(language, key, params), line));
}

describe('syncSummary: what the shop and the network brought', () => {
  it('counts the orders received and the lines refused, in French and in English', () => {
    const report: SyncReport = { folders, shop: { ok: true, report: { published: 1, ordersTakenIn: 3, linesRefused: 1, at: '2026-12-04T10:00:00.000Z' } } };
    expect(lines('fr', report)).toEqual(['Boutique en ligne : 3 commandes reçues, 1 ligne refusée.']);
    expect(lines('en', report)).toEqual(['Online shop: 3 orders received, 1 line refused.']);
  });

  it('says when nothing came from the shop', () => {
    const report: SyncReport = { folders, shop: { ok: true, report: { published: 0, ordersTakenIn: 0, linesRefused: 0, at: '2026-12-04T10:00:00.000Z' } } };
    expect(lines('en', report)).toEqual(['Online shop: no order received, no line refused.']);
  });

  it('quotes an unreachable server with what to do', () => {
    const report: SyncReport = { folders, shop: { ok: false, error: { key: 'shop.offline', params: { url: 'https://shop.example', detail: 'ECONNREFUSED' } } } };
    const [fr] = lines('fr', report);
    expect(fr).toContain('Boutique en ligne non synchronisée');
    expect(fr).toContain('https://shop.example');
    expect(fr).toContain('réessayez une fois connecté');
    expect(lines('en', report)[0]).toContain('Online shop not synced');
  });

  it('counts the producers’ publications taken in and refused on a relay', () => {
    const report: SyncReport = { folders, network: { ok: true, report: { role: 'organiser', producers: 2, products: 5, offers: 1, refused: 2 } } };
    expect(lines('fr', report)).toEqual(['Réseau : 2 producteurs lus, 5 produits repris, 1 offre reprise, 2 refusés (voir « Mis de côté et refusé »).']);
    expect(lines('en', report)).toEqual(['Network: 2 producers read, 5 products taken in, 1 offer taken in, 2 refused (see “Set aside and refused”).']);
  });

  it('counts what a producer’s copy published', () => {
    const report: SyncReport = { folders, network: { ok: true, report: { role: 'producer', networkId: 'a'.repeat(24), products: 1, distributions: 2 } } };
    expect(lines('en', report)).toEqual(['Network: 1 product published, stock of 2 distributions.']);
  });

  it('says nothing of a shop or network this machine does not sync', () => {
    expect(syncSummary({ folders })).toEqual([]);
  });
});

describe('reportNotice: what the folders exchanged', () => {
  const shop: SyncReport['shop'] = { ok: true, report: { published: 1, ordersTakenIn: 2, linesRefused: 0, at: '2026-12-04T10:00:00.000Z' } };

  it('says nothing of folders on a copy with only the online shop: the shop line alone', () => {
    expect(reportNotice({ folders: [], shop })).toBeNull();
    expect(lines('fr', { folders: [], shop })).toEqual(['Boutique en ligne : 2 commandes reçues, aucune ligne refusée.']);
  });

  it('counts what the folders exchanged when there are some', () => {
    const notice = reportNotice({ folders: [{ level: 'team', received: 3, sent: 1, problems: [] }], shop });
    expect(notice && translate('fr', notice.key, notice.params)).toBe('Synchronisation terminée : 3 changements reçus, 1 envoyé.');
  });
});
