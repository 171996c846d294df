import { ConflictsPage } from './ConflictsPage';
import { CONFLICTS_PATH } from './routes';
import { SyncSettingsPage } from './SyncSettingsPage';
import './sync.css';

/** `#/sync`: this copy's sync settings and status; `#/sync/conflits`: the conflicts to resolve. */
export function SyncPage({ path }: { path: string[] }) {
  return path[0] === CONFLICTS_PATH ? <ConflictsPage /> : <SyncSettingsPage />;
}
