import { describe, expect, it } from 'vitest';
import { canSyncNow } from './sync-now-state';

describe('the "Sync now" button', () => {
  it('is available with a shared folder, or with only the online shop set', () => {
    expect(canSyncNow({ folderCount: 1, shopConfigured: false })).toBe(true);
    expect(canSyncNow({ folderCount: 0, shopConfigured: true })).toBe(true);
    expect(canSyncNow({ folderCount: 2, shopConfigured: true })).toBe(true);
  });

  it('is not, with neither: there is nothing to sync', () => {
    expect(canSyncNow({ folderCount: 0, shopConfigured: false })).toBe(false);
  });
});
