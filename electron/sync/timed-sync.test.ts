import { afterEach, describe, expect, it, vi } from 'vitest';
import { openTestBackend } from '../testing/fixtures';
import { useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();

afterEach(() => {
  vi.useRealTimers();
});

describe('the timed sync', () => {
  it('runs its companion (the shop) every few minutes even with no shared folder set', async () => {
    const backend = await openTestBackend({ dataDir: await tempDir() });
    try {
      expect(backend.syncer.settings()).toMatchObject({ teamFolder: null, producersFolder: null, autoSyncMinutes: 5 });
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const companion = vi.fn(async () => undefined);
      backend.syncer.alsoOnTimer(companion);
      await vi.advanceTimersByTimeAsync(4 * 60_000);
      expect(companion).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(60_000);
      expect(companion).toHaveBeenCalledTimes(1);
      // It keeps going after a failure (offline): the next round comes all the same.
      companion.mockRejectedValueOnce(new Error('offline'));
      await vi.advanceTimersByTimeAsync(10 * 60_000);
      expect(companion).toHaveBeenCalledTimes(3);
    } finally {
      backend.syncer.stop();
      await backend.close();
    }
  });

  it('is off when the organiser sets it to 0 minutes', async () => {
    const backend = await openTestBackend({ dataDir: await tempDir() });
    try {
      await backend.syncer.saveSettings({ autoSyncMinutes: 0 });
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const companion = vi.fn(async () => undefined);
      backend.syncer.alsoOnTimer(companion);
      await vi.advanceTimersByTimeAsync(60 * 60_000);
      expect(companion).not.toHaveBeenCalled();
    } finally {
      backend.syncer.stop();
      await backend.close();
    }
  });
});
