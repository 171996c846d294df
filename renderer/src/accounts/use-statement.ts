import { useCallback, useEffect, useState } from 'react';
import type { AccountStatement } from '../../../shared/accounts/views';
import type { AppError } from '../../../shared/contract/errors';
import { call } from '../client';

/** One member's statement as the disk has it; `reload` after every change. */
export function useStatement(memberId: string) {
  const [statement, setStatement] = useState<AccountStatement | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    void call('accounts.statement', { memberId }).then((outcome) => {
      if (!live) return;
      if (outcome.ok) {
        setStatement(outcome.value);
        setError(null);
      } else setError(outcome.error);
    });
    return () => {
      live = false;
    };
  }, [memberId, version]);

  const reload = useCallback(() => setVersion((current) => current + 1), []);
  return { statement, error, reload };
}
