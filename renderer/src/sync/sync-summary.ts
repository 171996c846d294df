import type { AppError, MessageParams } from '../../../shared/contract/errors';
import type { MessageKey } from '../../../shared/i18n/messages';
import type { SyncReport } from '../../../shared/sync/status';
import type { Notice } from '../forms/StatusMessage';

/**
 * One line of what a sync did beyond the folders. Kept as keys and raw facts (not text) so
 * it follows a change of language; `cause` is the error the line quotes, translated when shown.
 */
export interface SummaryLine {
  key: MessageKey;
  params?: MessageParams;
  cause?: AppError;
}

/**
 * The notice over the summary: what the folders exchanged. None when this copy has no folder
 * (a relay with only the online shop): "0 received, 0 sent" would speak of folders it does not have.
 */
export function reportNotice(report: SyncReport): Notice | null {
  if (report.folders.length === 0) return null;
  if (report.folders.some((folder) => folder.problems.length > 0)) return { key: 'sync.doneWithProblems' };
  const received = report.folders.reduce((sum, folder) => sum + folder.received, 0);
  const sent = report.folders.reduce((sum, folder) => sum + folder.sent, 0);
  return { key: 'sync.done', params: { received, sent } };
}

/** The online shop's and the relay network's part of a sync report, when this machine syncs them. */
export function syncSummary(report: SyncReport): SummaryLine[] {
  const lines: SummaryLine[] = [];
  const { shop, network } = report;
  if (shop) {
    lines.push(shop.ok ? { key: 'sync.summary.shop', params: { orders: shop.report.ordersTakenIn, refused: shop.report.linesRefused } } : { key: 'sync.summary.shopFailed', cause: shop.error });
  }
  if (network) {
    if (!network.ok) lines.push({ key: 'sync.summary.networkFailed', cause: network.error });
    else if (network.report.role === 'producer') {
      lines.push({ key: 'sync.summary.networkPublished', params: { products: network.report.products, distributions: network.report.distributions } });
    } else {
      const { producers, products, offers, refused } = network.report;
      lines.push({ key: 'sync.summary.networkTaken', params: { producers, products, offers, refused } });
    }
  }
  return lines;
}

/** A summary line in words; an error it quotes says itself what to do (the server's address, check the connection). */
export function summaryText(t: (key: MessageKey, params?: MessageParams) => string, line: SummaryLine): string {
  if (!line.cause) return t(line.key, line.params);
  return t(line.key, { ...line.params, reason: t(line.cause.key, line.cause.params) });
}
