import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_FILE, listDataFiles } from './data-files';
import { entities, entityKinds, fileOf } from './entities';
import { useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();

const ID = '0b7f6f0e-6c1a-4d8e-9a51-3c2b7d9e1f00';

describe('which files are relay data', () => {
  it('every entity is written to a path the loader reads', () => {
    const sample = { id: ID, distributionId: ID, at: '2026-03-06T16:30:00.000Z', year: 2026 };
    for (const kind of entityKinds) {
      expect(DATA_FILE.test(fileOf(kind, sample as never)), `${kind} → ${entities[kind].fileOf(sample as never)}`).toBe(true);
    }
  });

  it('ignores temp files, backups, other programs’ files and the device file', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'distributions'), { recursive: true });
    await mkdir(join(dir, 'backups', 'x'), { recursive: true });
    for (const file of [
      'producers.json',
      'producers.json.1a2b3c4d5e6f.tmp',
      'machine.json',
      'device.json',
      `distributions/${ID}.json`,
      'distributions/notes.json',
      'backups/x/producers.json',
    ]) {
      await writeFile(join(dir, file), '{}');
    }
    expect(await listDataFiles(dir)).toEqual([`distributions/${ID}.json`, 'producers.json']);
  });
});
