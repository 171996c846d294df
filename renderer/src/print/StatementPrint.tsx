import { monthStatement } from '../../../shared/accounts/month-statement';
import type { StatementLine } from '../../../shared/accounts/ledger';
import { formatDateTime, formatDay, formatMoney, longDay, monthName } from '../../../shared/i18n/format';
import { entryLabel } from '../accounts/entry-label';
import { StatementColumns } from '../accounts/StatementColumns';
import { useStatement } from '../accounts/use-statement';
import { useReadyApp } from '../app/ready-app-context';
import { useI18n } from '../i18n/i18n-context';
import { RunningHead } from './SheetHead';
import { PrintFrame } from './PrintFrame';

/** The last day of a month (YYYY-MM), as a local date: the day its closing balance is given for. */
function lastDayOf(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(year, monthNumber, 0)).getUTCDate()).padStart(2, '0')}`;
}

/**
 * `#/print/statement/<memberId>`: a member's account statement on paper, with the running balance;
 * `#/print/statement/<memberId>/<YYYY-MM>`: that month's statement (issue 15), between the balance
 * brought forward from before it and the balance at its end.
 */
export function StatementPrint({ memberId, month }: { memberId: string; month: string | null }) {
  const { t, language, timeZone } = useI18n();
  const { relay } = useReadyApp();
  const { statement, error } = useStatement(memberId);
  const money = (cents: number) => formatMoney(language, cents, relay.currency);
  const name = statement?.member.name ?? '';
  const title = !statement
    ? t('accounts.statement')
    : month
      ? t('accounts.monthStatementTitle', { name, month: monthName(language, month) })
      : t('accounts.statementTitle', { name });
  const monthly = statement && month ? monthStatement(statement.lines, month, timeZone) : null;
  const lines: StatementLine[] = monthly ? monthly.lines : (statement?.lines ?? []);
  const balanceRow = (label: string, cents: number) => (
    <tr className="statement-balance-row">
      <td colSpan={4}>{label}</td>
      <td className="numeric">{money(cents)}</td>
    </tr>
  );

  return (
    <PrintFrame title={title} job={{ view: 'statement', id: memberId, ...(month ? { options: { month } } : {}) }} loaded={statement !== null} error={error}>
      {statement && (
        <>
          <header className="print-sheet-head">
            <h2 className="print-sheet-title">{title}</h2>
            <p className="print-relay">{relay.name}</p>
            {relay.address && <p className="print-relay-address">{relay.address}</p>}
            <p className="print-pickup">
              {monthly
                ? t('accounts.statementBalance', { date: longDay(language, lastDayOf(monthly.month)), amount: money(monthly.closingCents) })
                : t('accounts.statementBalance', { date: formatDay(language, new Date(), timeZone), amount: money(statement.balanceCents) })}
            </p>
          </header>
          {!monthly && lines.length === 0 ? (
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
                {monthly && balanceRow(t('accounts.openingBalance', { date: longDay(language, `${monthly.month}-01`) }), monthly.openingCents)}
                {lines.map(({ entry, balanceCents }) => (
                  <tr key={entry.id}>
                    <td>{formatDateTime(language, entry.at, timeZone)}</td>
                    <td>{entryLabel(t, language, entry, statement.orders)}</td>
                    <td>{entry.reference}</td>
                    <td className="numeric">{money(entry.amountCents)}</td>
                    <td className="numeric">{money(balanceCents)}</td>
                  </tr>
                ))}
                {monthly && lines.length === 0 && (
                  <tr>
                    <td colSpan={5}>{t('accounts.monthStatement.empty')}</td>
                  </tr>
                )}
                {monthly && balanceRow(t('accounts.closingBalance', { date: longDay(language, lastDayOf(monthly.month)) }), monthly.closingCents)}
              </tbody>
            </table>
          )}
        </>
      )}
    </PrintFrame>
  );
}
