import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { BackupInfo } from '../../../shared/contract/results';
import { call } from '../client';

export interface Backups {
  backups: BackupInfo[] | null;
  error: AppError | null;
}

/** The backups in the data folder; `version` asks again after one is taken or restored. */
export function useBackups(version: number): Backups {
  const [state, setState] = useState<Backups>({ backups: null, error: null });
  useEffect(() => {
    let live = true;
    void call('backups.list', {}).then((outcome) => {
      if (!live) return;
      setState(outcome.ok ? { backups: outcome.value, error: null } : { backups: null, error: outcome.error });
    });
    return () => {
      live = false;
    };
  }, [version]);
  return state;
}
