import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { SyncStatus } from '../../../shared/sync/status';
import { call } from '../client';
import { useLatestAnswer } from '../latest-answer';

/** How often the screen asks for progress while a sync runs: often enough to move, rarely enough to cost nothing. */
export const POLL_MS = 400;

export interface SyncStatusState {
  status: SyncStatus | null;
  error: AppError | null;
  reload: () => Promise<void>;
}

/** This copy's sync status, read once, again on demand, and every POLL_MS while `polling` (a sync in flight). */
export function useSyncStatus(polling: boolean): SyncStatusState {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  // Polled every 400 ms during a sync: a slow answer must not bring back the progress a later one moved past.
  const answers = useLatestAnswer();

  const reload = useCallback(async () => {
    const place = answers.ask();
    const outcome = await call('sync.status', {});
    if (!answers.keep(place)) return;
    if (outcome.ok) {
      setStatus(outcome.value);
      setError(null);
    } else setError(outcome.error);
  }, [answers]);

  useEffect(() => {
    let live = true;
    const place = answers.ask();
    void call('sync.status', {}).then((outcome) => {
      if (!live || !answers.keep(place)) return;
      if (outcome.ok) setStatus(outcome.value);
      else setError(outcome.error);
    });
    return () => {
      live = false;
    };
  }, [answers]);

  // An automatic sync that started on its own is followed the same way as one asked for here.
  const running = polling || status?.running === true;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void reload(), POLL_MS);
    return () => clearInterval(timer);
  }, [running, reload]);

  return { status, error, reload };
}
