import { formatDateTime, formatDay, formatMoney } from '../../../shared/i18n/format';
import { entryLabel } from '../accounts/entry-label';
import { StatementColumns } from '../accounts/StatementColumns';
import { useStatement } from '../accounts/use-statement';
import { useReadyApp } from '../app/ready-app-context';
import { useI18n } from '../i18n/i18n-context';
import { RunningHead } from './SheetHead';
import { PrintFrame } from './PrintFrame';

/** `#/print/statement/<memberId>`: a member's account statement on paper, with the running balance. */
export function StatementPrint({ memberId }: { memberId: string }) {
  const { t, language, timeZone } = useI18n();
  const { relay } = useReadyApp();
  const { statement, error } = useStatement(memberId);
  const money = (cents: number) => formatMoney(language, cents, relay.currency);
  const title = statement ? t('accounts.statementTitle', { name: statement.member.name }) : t('accounts.statement');

  return (
    <PrintFrame title={title} job={{ view: 'statement', id: memberId }} loaded={statement !== null} error={error}>
      {statement && (
        <>
          <header className="print-sheet-head">
            <h2 className="print-sheet-title">{title}</h2>
            <p className="print-relay">{relay.name}</p>
            {relay.address && <p className="print-relay-address">{relay.address}</p>}
            <p className="print-pickup">
              {t('accounts.statementBalance', { date: formatDay(language, new Date(), timeZone), amount: money(statement.balanceCents) })}
            </p>
          </header>
          {statement.lines.length === 0 ? (
            <p className="print-empty">{t('accounts.statement.empty')}</p>
          ) : (
            <table className="print-table">
              <caption className="visually-hidden">{t('accounts.statement.caption')}</caption>
              <thead>
                <RunningHead text={`${relay.name} — ${title}`} columns={5} />
                <tr>
                  <StatementColumns />
                </tr>
              </thead>
              <tbody>
                {statement.lines.map(({ entry, balanceCents }) => (
                  <tr key={entry.id}>
                    <td>{formatDateTime(language, entry.at, timeZone)}</td>
                    <td>{entryLabel(t, language, entry, statement.orders)}</td>
                    <td>{entry.reference}</td>
                    <td className="numeric">{money(entry.amountCents)}</td>
                    <td className="numeric">{money(balanceCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </PrintFrame>
  );
}
