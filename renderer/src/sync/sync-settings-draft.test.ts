import { describe, expect, it } from 'vitest';
import { DEFAULT_SYNC_SETTINGS } from '../../../shared/sync/settings';
import { readSyncSettingsText, syncSettingsText } from './sync-settings-draft';

describe('the sync settings form', () => {
  it('sends an empty folder as none, and reads the minutes', () => {
    const text = { ...syncSettingsText(DEFAULT_SYNC_SETTINGS), producersFolder: '  /media/usb/relais ', autoSyncMinutes: ' 10 ' };
    expect(readSyncSettingsText(text)).toEqual({
      ok: true,
      patch: { role: 'organiser', producerId: null, teamFolder: null, producersFolder: '/media/usb/relais', autoSyncMinutes: 10 },
    });
  });

  it('sends no team folder from a producer’s copy, and no producer from an organiser’s', () => {
    const text = { ...syncSettingsText(DEFAULT_SYNC_SETTINGS), teamFolder: '/srv/equipe', producerId: 'p1' };
    expect(readSyncSettingsText({ ...text, role: 'producer' })).toMatchObject({ ok: true, patch: { teamFolder: null, producerId: 'p1' } });
    expect(readSyncSettingsText(text)).toMatchObject({ ok: true, patch: { teamFolder: '/srv/equipe', producerId: null } });
  });

  it('refuses minutes that are not a whole number in range, on that field', () => {
    const text = syncSettingsText(DEFAULT_SYNC_SETTINGS);
    expect(readSyncSettingsText({ ...text, autoSyncMinutes: '2,5' })).toEqual({ ok: false, issues: [{ path: 'autoSyncMinutes', key: 'validation.integer' }] });
    expect(readSyncSettingsText({ ...text, autoSyncMinutes: '' })).toMatchObject({ ok: false });
    expect(readSyncSettingsText({ ...text, autoSyncMinutes: '1441' })).toEqual({
      ok: false,
      issues: [{ path: 'autoSyncMinutes', key: 'validation.max', params: { max: 1440 } }],
    });
  });

  it('shows saved settings as text, none as empty', () => {
    expect(syncSettingsText({ ...DEFAULT_SYNC_SETTINGS, role: 'producer', producerId: 'p1', producersFolder: '/x' })).toEqual({
      role: 'producer',
      producerId: 'p1',
      teamFolder: '',
      producersFolder: '/x',
      autoSyncMinutes: '5',
    });
  });
});
