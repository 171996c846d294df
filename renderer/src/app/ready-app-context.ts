import { createContext, useContext } from 'react';
import type { RelaySettings } from '../../../shared/model/relay';
import type { ReadyStatus } from './app-state';

/** What every screen of the running app may need from the top: the status, the relay, and a way to refresh both. */
export interface ReadyApp {
  status: ReadyStatus;
  relay: RelaySettings;
  /** After relay.update: the new settings (and so possibly the new language) apply everywhere at once. */
  relaySaved: (relay: RelaySettings) => void;
  /** After a backup is restored every piece of data may have changed: read the status and the relay again. */
  reload: () => Promise<void>;
}

export const ReadyAppContext = createContext<ReadyApp | null>(null);

export function useReadyApp(): ReadyApp {
  const app = useContext(ReadyAppContext);
  if (!app) throw new Error('useReadyApp outside the ready app');
  return app;
}
