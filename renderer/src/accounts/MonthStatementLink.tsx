import { useState } from 'react';
import { useToday } from '../distributions/use-today';
import { useI18n } from '../i18n/i18n-context';
import { areaHref } from '../shell/areas';

const isMonth = (text: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(text);

/** A month to print the member's monthly statement for (issue 15): this month by default, on the relay's calendar. */
export function MonthStatementLink({ memberId }: { memberId: string }) {
  const { t } = useI18n();
  const today = useToday();
  const [month, setMonth] = useState(today.slice(0, 7));
  return (
    <div className="month-statement">
      <label>
        {t('accounts.statementMonth')}
        <input type="month" value={month} onChange={(event) => setMonth(event.target.value)} />
      </label>
      {isMonth(month) && (
        <a className="button" href={areaHref('print', 'statement', memberId, month)}>
          {t('accounts.printMonthStatement')}
        </a>
      )}
    </div>
  );
}
