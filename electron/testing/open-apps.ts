/**
 * Test apps still open, by data folder, so that the temp folders' clean-up
 * (temp-dir.ts) closes them before removing their folders. An app left open
 * keeps its journals' file handles until the garbage collector closes them
 * (Node's DEP0137 warning, dozens a run, and one day an error); closing it as
 * the app quits releases them while its folder is still there to fold into.
 * No vitest import: the torture and bench scripts open test backends too.
 */
import { sep } from 'node:path';

const open: { dataDir: string; close: () => Promise<void> }[] = [];

/** Registers an open app; returns what forgets it (the app was closed by its test). */
export function closeWithFolder(dataDir: string, close: () => Promise<void>): () => void {
  const app = { dataDir, close };
  open.push(app);
  return () => {
    const at = open.indexOf(app);
    if (at !== -1) open.splice(at, 1);
  };
}

/** Closes every app opened on `dir` or a folder inside it. */
export async function closeAppsUnder(dir: string): Promise<void> {
  const under = open.filter(({ dataDir }) => dataDir === dir || dataDir.startsWith(dir + sep));
  for (const app of under) {
    open.splice(open.indexOf(app), 1);
    // A test may leave its app broken on purpose (a failing disk, a folder in recovery): closing is tidying, not a check.
    await app.close().catch(() => undefined);
  }
}
