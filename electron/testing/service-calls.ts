/**
 * Calling the services as the screens do — through the real dispatch, on a
 * real temp folder, with a settable clock — and reading back what a fresh
 * open of the folder finds.
 */
import { join } from 'node:path';
import type { AppError, Outcome } from '../../shared/contract/errors';
import type { OperationName } from '../../shared/contract/operations';
import type { Producer } from '../../shared/model/producer';
import type { Product } from '../../shared/model/product';
import { openStore, type Store } from '../store/store';
import { manualClock, openTestBackend, type TestBackend } from './fixtures';
import { closeWithFolder } from './open-apps';
import type { TransportFactory } from '../outbox/transport';

export interface TestApp extends TestBackend {
  dataDir: string;
  clock: ReturnType<typeof manualClock>;
  /** Data-folder-relative paths renamed into place by each write, in order (atomic writes only). */
  written: string[];
}

export async function openApp(dataDir: string, start = new Date('2026-03-02T09:00:00.000Z'), mailTransport?: TransportFactory): Promise<TestApp> {
  const clock = manualClock(start);
  const written: string[] = [];
  const backend = await openTestBackend({
    dataDir,
    now: clock.now,
    mailTransport,
    writeHooks: { beforeRename: (temp) => void written.push(temp.slice(dataDir.length + 1).split('\\').join('/').replace(/\.[0-9a-f]{12}\.tmp$/, '')) },
  });
  return { ...backend, dataDir, clock, written };
}

export async function call<T>(app: TestBackend, name: OperationName, payload: unknown): Promise<T> {
  const outcome = await app.dispatch(name, payload);
  if (!outcome.ok) throw new Error(`${name} refused: ${JSON.stringify(outcome.error)}`);
  return outcome.value as T;
}

/** The refusal of a call that must be refused (fails the test if it went through). */
export async function refusal(app: TestBackend, name: OperationName, payload: unknown): Promise<AppError> {
  const outcome: Outcome<unknown> = await app.dispatch(name, payload);
  if (outcome.ok) throw new Error(`${name} should have been refused, got ${JSON.stringify(outcome.value)}`);
  return outcome.error;
}

/** What a fresh open of the folder finds: what is really on disk. */
export async function reopened(dataDir: string): Promise<Store> {
  // A look, not a second app: it never folds on its own beside the app's store.
  const opened = await openStore({ dataDir, foldWhenIdleMs: false });
  if (opened.state !== 'ready') throw new Error(`folder did not reopen: ${JSON.stringify(opened.problem)}`);
  // It takes no daily backup (no dailyBackup option); a fold asked by the test opens its journal: closed with the folder, not by the garbage collector.
  const store = opened.store;
  closeWithFolder(dataDir, () => store.close());
  return store;
}

export const byId = <T extends { id: string }>(records: readonly T[]): T[] => [...records].sort((a, b) => a.id.localeCompare(b.id));

export async function createProducer(app: TestBackend, name: string, fields: Record<string, unknown> = {}): Promise<Producer> {
  return (await call<{ producer: Producer }>(app, 'producers.create', { name, ...fields })).producer;
}

export async function createProduct(app: TestBackend, producerId: string, fields: Record<string, unknown> = {}): Promise<Product> {
  return call<Product>(app, 'products.create', {
    producerId,
    name: 'Carottes',
    category: 'légumes',
    unit: 'kg',
    priceCents: 250,
    vatRateBp: 600,
    ...fields,
  });
}

/**
 * Folds the journal into the data files and forgets the writes so far: what `folded` then
 * returns is the files the next changes rewrite, whatever earlier changes left to fold.
 */
export async function settle(app: TestApp): Promise<void> {
  await app.workspace.store.fold();
  app.written.length = 0;
}

/** The data files rewritten since `settle`, once the journal is folded into them. */
export async function folded(app: TestApp): Promise<string[]> {
  await app.workspace.store.fold();
  return app.written;
}

export const dataPath = (app: TestApp, path: string) => join(app.dataDir, path);
