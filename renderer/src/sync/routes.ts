import { areaHref } from '../shell/areas';

/** The path segment of the conflicts list: `#/sync/conflits`. */
export const CONFLICTS_PATH = 'conflits';

export const syncHref = areaHref('sync');
export const conflictsHref = areaHref('sync', CONFLICTS_PATH);
