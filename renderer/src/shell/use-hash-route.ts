/**
 * Hash routing (`#/producers`): it survives a reload, needs no server
 * rewrite in the browser host and works from file:// in Electron.
 */
import { useEffect, useState } from 'react';
import { areaFromHash, areaHref, DEFAULT_AREA, pathFromHash, type AreaId } from './areas';

export interface Route {
  area: AreaId;
  /** What follows the area in the address, e.g. a distribution id. */
  path: string[];
  /** False on the first screen after start-up, so focus is only moved when the organiser navigates. */
  navigated: boolean;
}

/** `defaultArea`: where an address without a route lands (a producer's copy opens on its stock). */
export function useHashRoute(defaultArea: AreaId = DEFAULT_AREA): Route {
  const [route, setRoute] = useState<Route>(() => ({
    area: areaFromHash(window.location.hash) ?? defaultArea,
    path: pathFromHash(window.location.hash),
    navigated: false,
  }));

  useEffect(() => {
    // Give the address a real route, without adding a history entry.
    if (areaFromHash(window.location.hash) === null) {
      history.replaceState(null, '', window.location.pathname + window.location.search + areaHref(defaultArea));
    }
    const follow = () => {
      const area = areaFromHash(window.location.hash);
      if (area) setRoute({ area, path: pathFromHash(window.location.hash), navigated: true });
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [defaultArea]);

  return route;
}
