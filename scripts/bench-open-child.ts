/**
 * One cold open in a fresh process (scripts/bench-open.ts starts it): loads the backend's
 * modules, opens the data folder given as argument, and prints how long each took and the
 * process's memory once open, as one JSON line. It exits without closing: nothing to fold.
 */
import { performance } from 'node:perf_hooks';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: bench-open-child.ts <data folder>');
const started = performance.now();
const { openBackend } = await import('../electron/backend');
const loaded = performance.now();
const backend = await openBackend({ dataDir });
const opened = performance.now();
backend.syncer.stop();
backend.freezer.stop();
const report = {
  loadMs: loaded - started,
  openMs: opened - loaded,
  rssMb: process.memoryUsage().rss / 1e6,
  /** Past distributions and months of accounts the open left unread (issue 11: loaded on first access). */
  unreadFiles: backend.workspace.inRecovery ? 0 : backend.workspace.store.unloadedFiles,
  recovery: backend.workspace.inRecovery,
};
process.stdout.write(`${JSON.stringify(report)}\n`);
process.exit(0);
