/**
 * The areas of the app, in the order the organiser meets them in a week.
 * `ready: false` areas are listed (so the shape of the product is visible)
 * but open a "not available yet" page.
 */
import type { MessageKey } from '../../../shared/i18n/messages';

export const AREAS = [
  // The home screen (issue 14): today's or the next distribution and what is left to do.
  { id: 'today', label: 'nav.today', ready: true },
  { id: 'producers', label: 'nav.producers', ready: true },
  { id: 'catalogue', label: 'nav.catalogue', ready: true },
  { id: 'distributions', label: 'nav.distributions', ready: true },
  { id: 'stock', label: 'nav.stock', ready: true },
  { id: 'members', label: 'nav.members', ready: true },
  { id: 'accounts', label: 'nav.accounts', ready: true },
  { id: 'orders', label: 'nav.orders', ready: true },
  { id: 'pickup', label: 'nav.pickup', ready: true },
  { id: 'print', label: 'nav.print', ready: true },
  // Issue 15: the messages prepared when ordering closes.
  { id: 'outbox', label: 'nav.outbox', ready: true },
  { id: 'sync', label: 'nav.sync', ready: true },
  { id: 'settings', label: 'nav.settings', ready: true },
] as const satisfies readonly { id: string; label: MessageKey; ready: boolean }[];

export type Area = (typeof AREAS)[number];
export type AreaId = Area['id'];

export const DEFAULT_AREA: AreaId = 'today';

/** `areaHref('distributions', id)` → `#/distributions/<id>`: an area and the path inside it. */
export function areaHref(id: AreaId, ...path: string[]): string {
  return `#/${[id, ...path.map(encodeURIComponent)].join('/')}`;
}

/** `#/settings` → 'settings'; anything else (empty, the host's `#token=…`, a typo) → null. */
export function areaFromHash(hash: string): AreaId | null {
  const match = /^#\/([\w-]+)/.exec(hash);
  const found = match ? AREAS.find((area) => area.id === match[1]) : undefined;
  return found?.id ?? null;
}

/** The segments after the area: `#/distributions/abc/offers` → ['abc', 'offers']. */
export function pathFromHash(hash: string): string[] {
  return hash.replace(/^#\/[\w-]+\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
}

export function areaById(id: AreaId): Area {
  return AREAS.find((area) => area.id === id)!;
}
