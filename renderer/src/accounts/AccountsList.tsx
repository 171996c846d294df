import { useEffect, useState } from 'react';
import type { AccountSummary } from '../../../shared/accounts/views';
import type { AppError } from '../../../shared/contract/errors';
import { call } from '../client';
import { SearchField } from '../forms/ListFilters';
import { PageError } from '../forms/PageError';
import { useI18n } from '../i18n/i18n-context';
import { areaHref } from '../shell/areas';
import { PageHeading } from '../shell/PageHeading';
import { BalanceState } from './BalanceState';
import { PaymentsExport } from './PaymentsExport';
import { useMoney } from './use-money';

const FILTERS = ['all', 'toPay', 'credit'] as const;
type Filter = (typeof FILTERS)[number];

/** `#/accounts`: every member's balance, found as you type; who has to pay, who has credit; the payments export. */
export function AccountsList() {
  const { t } = useI18n();
  const money = useMoney();
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const [accounts, setAccounts] = useState<AccountSummary[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    let live = true;
    void call('accounts.list', { query, filter }).then((outcome) => {
      if (!live) return;
      if (outcome.ok) {
        setAccounts(outcome.value);
        setError(null);
      } else setError(outcome.error);
    });
    return () => {
      live = false;
    };
  }, [query, filter]);

  return (
    <>
      <div className="page-head">
        <PageHeading>{t('accounts.title')}</PageHeading>
      </div>
      <p className="muted">{t('accounts.intro')}</p>
      <PageError error={error} />
      <div className="toolbar">
        <SearchField id="account-search" label={t('accounts.searchLabel')} placeholder="" value={query} onChange={setQuery} />
        <fieldset className="segmented">
          <legend>{t('accounts.filter')}</legend>
          <div className="segmented-options">
            {FILTERS.map((choice) => (
              <label key={choice}>
                <input type="radio" name="account-filter" value={choice} checked={filter === choice} onChange={() => setFilter(choice)} />
                <span>{t(`accounts.filter.${choice}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <p className="list-count" aria-live="polite">
        {accounts && t('accounts.count', { count: accounts.length })}
      </p>
      {accounts === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : accounts.length === 0 ? (
        <p className="empty-state">{t('accounts.empty')}</p>
      ) : (
        <div className="table-frame">
          <table className="table">
            <caption className="visually-hidden">{t('accounts.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('accounts.column.member')}</th>
                <th scope="col" className="numeric">
                  {t('accounts.column.balance')}
                </th>
                <th scope="col">{t('accounts.column.state')}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map(({ member, balanceCents }) => (
                <tr key={member.id}>
                  <th scope="row">
                    <a href={areaHref('accounts', member.id)} aria-label={t('accounts.openLabel', { name: member.name })}>
                      {member.name}
                    </a>
                  </th>
                  <td className="numeric">{money(balanceCents)}</td>
                  <td>
                    <BalanceState cents={balanceCents} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PaymentsExport onError={setError} />
    </>
  );
}
