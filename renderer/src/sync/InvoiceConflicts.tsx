import type { InvoiceNumberConflict } from '../../../shared/sync/conflicts';
import { useI18n } from '../i18n/i18n-context';
import { areaHref } from '../shell/areas';
import { ConflictSection } from './ConflictSection';
import { invoiceCopyText } from './invoice-conflict-text';

/**
 * One invoice number issued by two organisers' copies offline. Issued invoices never change, so
 * there is no button that renumbers: each document still standing opens on its page, where the
 * organiser cancels it with a credit note; the row goes once one document alone keeps the number.
 */
export function InvoiceConflicts({ conflicts }: { conflicts: readonly InvoiceNumberConflict[] }) {
  const { t, language, timeZone } = useI18n();
  return (
    <ConflictSection
      id="conflicts-invoices"
      title={t('sync.conflicts.invoices')}
      help={t('sync.conflicts.invoicesHelp')}
      columns={[t('sync.column.invoiceNumber'), t('sync.column.invoices')]}
    >
      {conflicts.map((conflict) => (
        <tr key={conflict.id}>
          <th scope="row">{conflict.number}</th>
          <td>
            <ul className="sync-version">
              {conflict.invoices.map((held) => (
                <li key={held.invoiceId}>{invoiceCopyText(held, t, language, timeZone)}</li>
              ))}
            </ul>
          </td>
          <td className="row-actions">
            {conflict.invoices
              .filter((held) => held.invoiceKind === 'invoice' && held.creditedBy === null)
              .map((held) => (
                <a
                  key={held.invoiceId}
                  className="button button-small"
                  href={areaHref('print', 'invoice', held.invoiceId)}
                  aria-label={t('sync.openInvoiceLabel', { number: conflict.number, producer: held.producerName })}
                >
                  {t('sync.openInvoice')}
                </a>
              ))}
          </td>
        </tr>
      ))}
    </ConflictSection>
  );
}
