import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { BackupInfo } from '../../../shared/contract/results';
import { call } from '../client';

export interface Backups {
  backups: BackupInfo[] | null;
  error: AppError | null;
  /** The last daily backup failed (it runs in the background, so this is where the organiser hears of it). */
  dailyFailed?: { at: string; detail: string };
}

/** The backups in the data folder; `version` asks again after one is taken or restored. */
export function useBackups(version: number): Backups {
  const [state, setState] = useState<Backups>({ backups: null, error: null });
  useEffect(() => {
    let live = true;
    void Promise.all([call('backups.list', {}), call('app.status', {})]).then(([outcome, status]) => {
      if (!live) return;
      const dailyFailed = status.ok && status.value.state === 'ready' ? status.value.backupFailed : undefined;
      setState(outcome.ok ? { backups: outcome.value, error: null, dailyFailed } : { backups: null, error: outcome.error, dailyFailed });
    });
    return () => {
      live = false;
    };
  }, [version]);
  return state;
}
