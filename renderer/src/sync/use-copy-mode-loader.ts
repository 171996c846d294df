import { useCallback, useEffect, useState } from 'react';
import { call } from '../client';
import { ORGANISER_COPY, type CopyMode } from './copy-mode';

/** Reads this copy's role from its sync settings (and its producer's name); null while the first answer is awaited. */
async function loadCopyMode(): Promise<CopyMode> {
  const status = await call('sync.status', {});
  // Without an answer the copy works as it always did: an organiser's.
  if (!status.ok) return ORGANISER_COPY;
  const { role, producerId } = status.value.settings;
  if (role === 'organiser') return ORGANISER_COPY;
  if (producerId === null) return { role, producerId, producerName: null };
  const producers = await call('producers.list', { archived: 'all' });
  const producer = producers.ok ? producers.value.find((candidate) => candidate.id === producerId) : undefined;
  return { role, producerId, producerName: producer?.name ?? null };
}

export function useCopyModeLoader(): { mode: CopyMode | null; refresh: () => Promise<void> } {
  const [mode, setMode] = useState<CopyMode | null>(null);

  const refresh = useCallback(async () => {
    setMode(await loadCopyMode());
  }, []);

  useEffect(() => {
    let live = true;
    void loadCopyMode().then((next) => {
      if (live) setMode(next);
    });
    return () => {
      live = false;
    };
  }, []);

  return { mode, refresh };
}
