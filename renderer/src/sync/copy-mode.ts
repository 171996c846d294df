/**
 * Which kind of copy this is (issue 6). A producer's copy holds no member data
 * and may only change its own offers, so the shell shows it only the areas a
 * producer uses, opens them on its producer, and names it in a banner.
 */
import { createContext, useContext } from 'react';
import type { SyncSettings } from '../../../shared/sync/settings';
import { DEFAULT_AREA, type AreaId } from '../shell/areas';

export interface CopyMode {
  role: SyncSettings['role'];
  /** A producer's copy: its producer, null until chosen (the list comes with the first sync). */
  producerId: string | null;
  /** Null until the producer is known on this copy. */
  producerName: string | null;
}

export const ORGANISER_COPY: CopyMode = { role: 'organiser', producerId: null, producerName: null };

/** What a producer does on its own copy: its catalogue, its stock, syncing, and its own backups (in Réglages). */
const PRODUCER_COPY_AREAS: ReadonlySet<AreaId> = new Set<AreaId>(['catalogue', 'stock', 'sync', 'settings']);

export function areaOpen(mode: CopyMode, area: AreaId): boolean {
  return mode.role === 'organiser' || PRODUCER_COPY_AREAS.has(area);
}

/** Where the app opens: a producer's copy has no producers list to show, its stock is what it is for. */
export function defaultArea(mode: CopyMode): AreaId {
  return mode.role === 'producer' ? 'stock' : DEFAULT_AREA;
}

/** The producer a screen opens filtered on: the copy's own producer, or none on an organiser's copy. */
export function presetProducer(mode: CopyMode): string | null {
  return mode.role === 'producer' ? mode.producerId : null;
}

export interface CopyModeState {
  mode: CopyMode;
  /** After the sync settings are saved or a sync brought the producer list: read the mode again. */
  refresh: () => Promise<void>;
}

export const CopyModeContext = createContext<CopyModeState>({ mode: ORGANISER_COPY, refresh: async () => undefined });

export function useCopyMode(): CopyModeState {
  return useContext(CopyModeContext);
}
