/**
 * What the app knows before it can show a screen: the data folder's status
 * and, when it is ready, the relay settings (its name heads every page, its
 * language is the UI's language).
 */
import type { AppError } from '../../../shared/contract/errors';
import type { AppStatus } from '../../../shared/contract/results';
import type { RelaySettings } from '../../../shared/model/relay';
import { call } from '../client';

export type ReadyStatus = Extract<AppStatus, { state: 'ready' }>;
export type RecoveryStatus = Extract<AppStatus, { state: 'recovery' }>;

export type AppState =
  | { phase: 'loading' }
  | { phase: 'failed'; error: AppError }
  | { phase: 'recovery'; status: RecoveryStatus }
  | { phase: 'ready'; status: ReadyStatus; relay: RelaySettings };

export async function loadAppState(): Promise<AppState> {
  const status = await call('app.status', {});
  if (!status.ok) return { phase: 'failed', error: status.error };
  if (status.value.state === 'recovery') return { phase: 'recovery', status: status.value };
  const relay = await call('relay.get', {});
  if (!relay.ok) return { phase: 'failed', error: relay.error };
  return { phase: 'ready', status: status.value, relay: relay.value };
}
