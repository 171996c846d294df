import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../testing/temp-dir';
import { writeFileAtomic } from './atomic-write';

const tempDir = useTempDirs();

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temp file behind', async () => {
    const dir = await tempDir();
    const path = join(dir, 'producers.json');
    await writeFile(path, 'old');
    await writeFileAtomic(path, 'new');
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['producers.json']);
  });

  it('creates missing parent folders', async () => {
    const dir = await tempDir();
    const path = join(dir, 'distributions', '2026', 'week-10.json');
    await writeFileAtomic(path, '{}');
    expect(await readFile(path, 'utf8')).toBe('{}');
  });

  it('a crash between fsync and rename leaves the previous file intact and removes the temp file', async () => {
    const dir = await tempDir();
    const path = join(dir, 'producers.json');
    await writeFile(path, 'previous state');
    let tempSeen = '';
    const crash = async (tempPath: string) => {
      // At this instant the new contents are complete and flushed, but not yet in place.
      tempSeen = await readFile(tempPath, 'utf8');
      throw new Error('simulated crash');
    };
    await expect(writeFileAtomic(path, 'next state', { beforeRename: crash })).rejects.toThrow('simulated crash');
    expect(tempSeen).toBe('next state');
    expect(await readFile(path, 'utf8')).toBe('previous state');
    expect(await readdir(dir)).toEqual(['producers.json']);
  });

  it('writes to a fresh temp name each time, so two writers never share one', async () => {
    const dir = await tempDir();
    const path = join(dir, 'relay.json');
    const temps: string[] = [];
    const record = (tempPath: string) => {
      temps.push(tempPath);
    };
    await writeFileAtomic(path, 'a', { beforeRename: record });
    await writeFileAtomic(path, 'b', { beforeRename: record });
    expect(temps).toHaveLength(2);
    expect(temps[0]).not.toBe(temps[1]);
    for (const temp of temps) expect(temp).toMatch(/relay\.json\.[0-9a-f]{12}\.tmp$/);
  });
});
