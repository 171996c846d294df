import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { refuseNext } from '../testing/refusing-disk';
import { useTempDirs } from '../testing/temp-dir';
import { AppendOnlyFile } from './append-only';

const tempDir = useTempDirs();

describe('an append-only file (the sync journal, the outbox attempts)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('an open the disk half refuses fails the append, closes the file, and the next append opens it again', async () => {
    const path = join(await tempDir(), 'journal.jsonl');
    const file = new AppendOnlyFile(path);
    const disk = await refuseNext(path, 'stat');
    await expect(file.append([{ n: 1 }])).rejects.toThrow('EIO');
    expect(disk.refused()?.fd).toBe(-1);
    await file.append([{ n: 2 }]);
    await file.close();
    expect(await readFile(path, 'utf8')).toBe('{"n":2}\n');
  });
});
