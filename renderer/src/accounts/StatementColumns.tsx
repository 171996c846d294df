import { useI18n } from '../i18n/i18n-context';

/** The statement's column headings, the same on screen and on paper (the screen adds an actions column after them). */
export function StatementColumns() {
  const { t } = useI18n();
  return (
    <>
      <th scope="col">{t('accounts.column.date')}</th>
      <th scope="col">{t('accounts.column.operation')}</th>
      <th scope="col">{t('accounts.column.detail')}</th>
      <th scope="col" className="numeric">
        {t('accounts.column.amount')}
      </th>
      <th scope="col" className="numeric">
        {t('accounts.column.running')}
      </th>
    </>
  );
}
