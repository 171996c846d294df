/** Records and data files as a test would find them on disk. */
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Producer } from '../../shared/model/producer';
import { openBackend, type Backend } from '../backend';
import type { StoreOptions } from '../store/store';
import { FORMAT_VERSION } from '../store/envelope';
import type { TransportFactory } from '../outbox/transport';
import { closeWithFolder } from './open-apps';

export function producerRecord(overrides: Partial<Producer> = {}): Producer {
  const at = '2026-03-02T09:00:00.000Z';
  return {
    id: randomUUID(),
    name: 'Ferme de l’Églantier',
    businessName: '',
    contactName: '',
    email: '',
    phone: '',
    address: '',
    distanceKm: null,
    notes: '',
    archivedAt: null,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

/** A data file's text, in the envelope the store writes. */
export function envelope(records: Record<string, unknown[]>, version = FORMAT_VERSION): string {
  return `${JSON.stringify({ format: 'cabas', version, records }, null, 1)}\n`;
}

export async function writeDataFile(dataDir: string, path: string, contents: string): Promise<void> {
  await mkdir(dirname(join(dataDir, path)), { recursive: true });
  await writeFile(join(dataDir, path), contents);
}

/** A settable clock for the store and the services. */
export function manualClock(start: Date) {
  let current = start.getTime();
  let step = 0;
  return {
    now: () => {
      const at = new Date(current);
      current += step;
      return at;
    },
    /** From now on every reading is `ms` later than the one before, as a real clock moves during a request. */
    tick: (ms: number) => {
      step = ms;
    },
    set: (date: Date) => {
      current = date.getTime();
    },
    advance: (ms: number) => {
      current += ms;
    },
  };
}

export type TestBackend = Backend;

/** The backend as Electron and the host wire it, with the store options a test needs. */
export async function openTestBackend(options: Omit<StoreOptions, 'syncLog'> & { mailTransport?: TransportFactory }): Promise<TestBackend> {
  // Folds happen when a test says so (store.fold) or on close, never on a timer in the middle of a test.
  // Likewise the daily backup: a test that wants it passes dailyBackup, or calls store.backupIfNewDay() and waits for it.
  const backend = await openBackend({ foldWhenIdleMs: false, dailyBackup: false, ...options, log: () => undefined });
  // Tests sync (and sweep for closed distributions) when they say so: no timer left running after a test.
  backend.syncer.stop();
  backend.freezer.stop();
  backend.placer.stop();
  backend.outbox.stop();
  // The outbox's first round runs after the open (electron/outbox/outbox.ts); a test starts once it has, so that
  // no round writes into a folder the test is removing (ENOTEMPTY) or changes data under its assertions.
  // electron/outbox/start-up.test.ts opens without waiting, to show the open does not wait for it.
  await backend.outbox.whenIdle();
  // Closed once, by the test or when its folder is removed, whichever comes first. An app whose write
  // steps the test holds (a crash test's `step` hook may never return) is the test's own: closing it would wait forever.
  let closing: Promise<void> | undefined;
  const forget = options.writeHooks?.step ? () => undefined : closeWithFolder(options.dataDir, () => (closing ??= backend.close()));
  const close = () => {
    forget();
    return (closing ??= backend.close());
  };
  return { ...backend, close };
}
