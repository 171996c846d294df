/**
 * The areas of the app, in the order the organiser meets them in a week.
 * `ready: false` areas are listed (so the shape of the product is visible)
 * but open a "not available yet" page.
 */
import type { MessageKey } from '../../../shared/i18n/messages';

export const AREAS = [
  { id: 'producers', label: 'nav.producers', ready: true },
  { id: 'catalogue', label: 'nav.catalogue', ready: false },
  { id: 'distributions', label: 'nav.distributions', ready: false },
  { id: 'members', label: 'nav.members', ready: false },
  { id: 'orders', label: 'nav.orders', ready: false },
  { id: 'pickup', label: 'nav.pickup', ready: false },
  { id: 'print', label: 'nav.print', ready: false },
  { id: 'sync', label: 'nav.sync', ready: false },
  { id: 'settings', label: 'nav.settings', ready: true },
] as const satisfies readonly { id: string; label: MessageKey; ready: boolean }[];

export type Area = (typeof AREAS)[number];
export type AreaId = Area['id'];

export const DEFAULT_AREA: AreaId = 'producers';

export function areaHref(id: AreaId): string {
  return `#/${id}`;
}

/** `#/settings` → 'settings'; anything else (empty, the host's `#token=…`, a typo) → null. */
export function areaFromHash(hash: string): AreaId | null {
  const match = /^#\/([\w-]+)/.exec(hash);
  const found = match ? AREAS.find((area) => area.id === match[1]) : undefined;
  return found?.id ?? null;
}

export function areaById(id: AreaId): Area {
  return AREAS.find((area) => area.id === id)!;
}
