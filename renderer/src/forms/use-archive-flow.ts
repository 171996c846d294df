/**
 * Archiving asks first (ConfirmDialog on `asking`); restoring does not, since
 * it takes nothing away. Nothing with history is deleted, so these two are a
 * list's only way to retire a record.
 */
import { useState } from 'react';
import type { AppError, Outcome } from '../../../shared/contract/errors';
import type { MessageKey } from '../../../shared/i18n/messages';
import type { Notice } from './StatusMessage';

interface ArchiveFlowOptions<T> {
  archive: (record: T) => Promise<Outcome<unknown>>;
  restore: (record: T) => Promise<Outcome<unknown>>;
  /** "« {name} » archivé…", "« {name} » restauré." in the feature's dictionary. */
  notices: { archived: MessageKey; restored: MessageKey };
  onChanged: (notice: Notice) => void;
  onError: (error: AppError) => void;
}

export interface ArchiveFlow<T> {
  /** The record whose archiving waits for a yes. */
  asking: T | null;
  /** The record being archived or restored. */
  busyId: string | null;
  ask: (record: T) => void;
  cancel: () => void;
  confirm: () => void;
  restore: (record: T) => void;
}

export function useArchiveFlow<T extends { id: string; name: string }>(options: ArchiveFlowOptions<T>): ArchiveFlow<T> {
  const [asking, setAsking] = useState<T | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  async function run(record: T, change: (record: T) => Promise<Outcome<unknown>>, notice: MessageKey) {
    setBusyId(record.id);
    const outcome = await change(record);
    setBusyId(null);
    setAsking(null);
    if (outcome.ok) options.onChanged({ key: notice, params: { name: record.name } });
    else options.onError(outcome.error);
  }

  return {
    asking,
    busyId,
    ask: setAsking,
    cancel: () => setAsking(null),
    confirm: () => {
      if (asking) void run(asking, options.archive, options.notices.archived);
    },
    restore: (record) => void run(record, options.restore, options.notices.restored),
  };
}
