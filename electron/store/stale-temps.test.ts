import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestBackend } from '../testing/fixtures';
import { useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();

describe('temp files of writes a crash interrupted', () => {
  it('are removed when the app opens the folder; files that merely end in .tmp are left alone', async () => {
    const dataDir = await tempDir();
    await openTestBackend({ dataDir });
    const stale = ['producers.json.0a1b2c3d4e5f.tmp', 'distributions/0f0e0d0c-0000-4000-8000-000000000000.json.abcdefabcdef.tmp', 'sync/state.json.123456789abc.tmp'];
    await mkdir(join(dataDir, 'distributions'), { recursive: true });
    await mkdir(join(dataDir, 'sync'), { recursive: true });
    for (const file of stale) await writeFile(join(dataDir, file), 'half a write');
    await writeFile(join(dataDir, 'notes.tmp'), 'the organiser’s own file');

    const reopened = await openTestBackend({ dataDir });
    expect(reopened.workspace.inRecovery).toBe(false);
    const left = (await readdir(dataDir, { recursive: true })).map((path) => path.split('\\').join('/'));
    expect(left.filter((path) => path.endsWith('.tmp'))).toEqual(['notes.tmp']);
  });
});
