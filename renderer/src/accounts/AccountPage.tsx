import { useState } from 'react';
import type { AccountEntry } from '../../../shared/accounts/ledger';
import { formatDateTime } from '../../../shared/i18n/format';
import { PageError } from '../forms/PageError';
import { StatusMessage, type Notice } from '../forms/StatusMessage';
import { useI18n } from '../i18n/i18n-context';
import { areaHref } from '../shell/areas';
import { PageHeading } from '../shell/PageHeading';
import { BalanceState } from './BalanceState';
import { entryLabel } from './entry-label';
import { MonthStatementLink } from './MonthStatementLink';
import { StatementColumns } from './StatementColumns';
import { PaymentForm } from './PaymentForm';
import { ReverseDialog } from './ReverseDialog';
import { useMoney } from './use-money';
import { useStatement } from './use-statement';
import { StandingOrderPanel } from '../standing/StandingOrderPanel';

/**
 * `#/accounts/<memberId>`: one member's balance, the statement with the
 * running balance (newest at the bottom, as on a bank statement), a payment
 * form, and a reversal for a payment recorded by mistake.
 */
export function AccountPage({ memberId }: { memberId: string }) {
  const { t, language, timeZone } = useI18n();
  const money = useMoney();
  const { statement, error, reload } = useStatement(memberId);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [reversing, setReversing] = useState<AccountEntry | null>(null);

  const back = (
    <p className="back-link">
      <a href={areaHref('accounts')}>{t('accounts.back')}</a>
    </p>
  );
  if (!statement) {
    return (
      <>
        {back}
        {error ? <PageError error={error} /> : <p className="muted">{t('app.loading')}</p>}
      </>
    );
  }
  const reversed = new Set(statement.reversedIds);

  return (
    <div className="account">
      {back}
      <div className="page-head">
        <PageHeading>{t('accounts.accountOf', { name: statement.member.name })}</PageHeading>
        <a className="button" href={areaHref('print', 'statement', memberId)}>
          {t('accounts.printStatement')}
        </a>
      </div>
      <MonthStatementLink memberId={memberId} />
      <p className="account-balance">
        {t('accounts.balance', { amount: money(statement.balanceCents) })} · <BalanceState cents={statement.balanceCents} />
      </p>
      <StatusMessage notice={notice} />
      <PageError error={error} />
      <PaymentForm
        memberId={memberId}
        onSaved={(saved) => {
          setNotice(saved);
          reload();
        }}
      />
      <StandingOrderPanel memberId={memberId} onNotice={setNotice} />
      <section aria-labelledby="statement-title">
        <h2 id="statement-title">{t('accounts.statement')}</h2>
        {statement.lines.length === 0 ? (
          <p className="empty-state">{t('accounts.statement.empty')}</p>
        ) : (
          <div className="table-frame">
            <table className="table account-statement">
              <caption className="visually-hidden">{t('accounts.statement.caption')}</caption>
              <thead>
                <tr>
                  <StatementColumns />
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {statement.lines.map(({ entry, balanceCents }) => {
                  const date = formatDateTime(language, entry.at, timeZone);
                  return (
                    <tr key={entry.id} className={reversed.has(entry.id) ? 'entry-reversed' : undefined}>
                      <td>{date}</td>
                      <th scope="row">
                        {entryLabel(t, language, entry, statement.orders)}
                        {reversed.has(entry.id) && <span className="entry-reversed-note"> ({t('accounts.entry.reversed')})</span>}
                      </th>
                      <td>{entry.reference}</td>
                      <td className="numeric">{money(entry.amountCents)}</td>
                      <td className="numeric">{money(balanceCents)}</td>
                      <td className="row-actions">
                        {entry.kind === 'payment' && !reversed.has(entry.id) && (
                          <button
                            type="button"
                            className="button button-small"
                            aria-label={t('accounts.reverseLabel', { amount: money(entry.amountCents), date })}
                            onClick={() => setReversing(entry)}
                          >
                            {t('accounts.reverse')}
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {reversing && (
        <ReverseDialog
          entry={reversing}
          onClose={() => setReversing(null)}
          onReversed={() => {
            setNotice({ key: 'accounts.reverse.done', params: { amount: money(reversing.amountCents) } });
            setReversing(null);
            reload();
          }}
        />
      )}
    </div>
  );
}
