/**
 * The layout of a shared sync folder, and reading and writing in it:
 *
 *   <folder>/cabas-sync/folder.json           which sharing level the folder is for
 *   <folder>/cabas-sync/<device>/device.json  the role that copy asks for, and its public key (never trusted: the roster decides)
 *   <folder>/cabas-sync/<device>/roster.json  (the organiser's copy that keeps it) the signed roster (roster.ts)
 *   <folder>/cabas-sync/<device>/00000012.batch  its change batches, in order
 *   <folder>/cabas-sync/<device>/snapshot.json   its whole state, standing for its batches up to a seq
 *   <folder>/cabas-sync/<device>/ordered.json    (organisers, producers folder) ordered totals
 *
 * Each device writes only inside its own directory, and every file is written
 * under a temp name and renamed, so the file-sync tool never sees two writers
 * of one file nor (from us) a half-written one.
 */
import { access, constants, mkdir, open, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { SyncLevel } from '../../shared/sync/levels';
import type { SyncProblem } from '../../shared/sync/status';
import { writeFileAtomic } from '../store/atomic-write';
import { removeStaleTemps } from '../store/stale-temps';

export const ROOT = 'cabas-sync';
const FOLDER_FORMAT = 'cabas-sync-folder';
const FOLDER_VERSION = 1;
const BATCH_FILE = /^(\d{8})\.batch$/;

export class FolderProblem extends Error {
  constructor(readonly problem: SyncProblem) {
    super(`${problem.code}${problem.detail ? `: ${problem.detail}` : ''}`);
  }
}

const folderMarkerSchema = z.object({ format: z.literal(FOLDER_FORMAT), version: z.number().int().min(1), level: z.string() });

export const deviceInfoSchema = z.object({
  role: z.enum(['organiser', 'producer']),
  producerId: z.string().nullable(),
  /** Absent from copies of versions before keys (issue 13). */
  publicKey: z.string().max(100).optional(),
});
export type DeviceInfo = z.infer<typeof deviceInfoSchema>;

export class SyncFolder {
  readonly root: string;

  constructor(
    readonly folder: string,
    readonly level: SyncLevel,
    readonly device: string,
  ) {
    this.root = join(folder, ROOT);
  }

  private dir(device = this.device): string {
    return join(this.root, device);
  }

  /** Checks the folder is there, writable and for this level; sets it up on first use; says who this copy is. */
  async prepare(info: DeviceInfo): Promise<void> {
    try {
      if (!(await stat(this.folder)).isDirectory()) throw new FolderProblem({ code: 'folderMissing', detail: this.folder });
    } catch (error) {
      if (error instanceof FolderProblem) throw error;
      throw new FolderProblem({ code: 'folderMissing', detail: this.folder });
    }
    try {
      await access(this.folder, constants.W_OK);
      await mkdir(this.dir(), { recursive: true });
    } catch (error) {
      throw new FolderProblem({ code: 'notWritable', detail: (error as Error).message });
    }
    const markerPath = join(this.root, 'folder.json');
    const marker = await readText(markerPath);
    if (marker === null) {
      await this.write(markerPath, JSON.stringify({ format: FOLDER_FORMAT, version: FOLDER_VERSION, level: this.level }));
    } else {
      const parsed = folderMarkerSchema.safeParse(safeJson(marker));
      if (!parsed.success) throw new FolderProblem({ code: 'invalidFile', detail: markerPath });
      if (parsed.data.version > FOLDER_VERSION) throw new FolderProblem({ code: 'newerFormat', detail: markerPath });
      if (parsed.data.level !== this.level) throw new FolderProblem({ code: 'wrongLevel', detail: parsed.data.level });
    }
    // This copy's own interrupted writes (a sync cut short): nobody else removes them, and the sync tool copies them everywhere.
    await removeStaleTemps(this.dir());
    // Rewritten only when it changed: an everyday sync writes nothing it has not got to say.
    const devicePath = join(this.dir(), 'device.json');
    if ((await readText(devicePath)) !== JSON.stringify(info)) await this.write(devicePath, JSON.stringify(info));
  }

  /** The other copies that write to this folder, with their role (unknown role: treated as a producer's). */
  async otherDevices(): Promise<{ device: string; info: DeviceInfo }[]> {
    const entries = await readdir(this.root, { withFileTypes: true });
    const devices: { device: string; info: DeviceInfo }[] = [];
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name === this.device) continue;
      const info = deviceInfoSchema.safeParse(safeJson((await readText(join(this.root, entry.name, 'device.json'))) ?? ''));
      devices.push({ device: entry.name, info: info.success ? info.data : { role: 'producer', producerId: null } });
    }
    return devices.sort((a, b) => a.device.localeCompare(b.device));
  }

  async batchSeqs(device = this.device): Promise<number[]> {
    let names: string[] = [];
    try {
      names = await readdir(this.dir(device));
    } catch {
      return [];
    }
    return names.flatMap((name) => {
      const match = BATCH_FILE.exec(name);
      return match ? [Number(match[1])] : [];
    }).sort((a, b) => a - b);
  }

  /** Another copy's batch, unless it is larger than `maxBytes` (then only its size is read). */
  readBatch(device: string, seq: number, maxBytes: number): Promise<FileRead> {
    return readBounded(join(this.dir(device), batchName(seq)), maxBytes);
  }

  readSnapshot(device: string, maxBytes: number): Promise<FileRead> {
    return readBounded(join(this.dir(device), 'snapshot.json'), maxBytes);
  }

  /** Size and time of a copy's snapshot, unread: an everyday sync tells an unchanged snapshot by them (issue 11). */
  snapshotMark(device: string): Promise<FileMark | null> {
    return markOf(join(this.dir(device), 'snapshot.json'));
  }

  /** Size and time of one of this copy's batches, unread. */
  batchMark(seq: number): Promise<FileMark | null> {
    return markOf(join(this.dir(), batchName(seq)));
  }

  readRoster(device: string): Promise<string | null> {
    return readText(join(this.dir(device), 'roster.json'));
  }

  /** Publishes the roster this copy keeps, when it changed (a rewrite would make every file-sync tool copy it again). */
  async writeRoster(text: string): Promise<void> {
    const path = join(this.dir(), 'roster.json');
    if ((await readText(path)) !== text) await this.write(path, text);
  }

  readOrdered(device: string): Promise<string | null> {
    return readText(join(this.dir(device), 'ordered.json'));
  }

  writeBatch(seq: number, text: string): Promise<void> {
    return this.write(join(this.dir(), batchName(seq)), text);
  }

  writeSnapshot(text: string): Promise<void> {
    return this.write(join(this.dir(), 'snapshot.json'), text);
  }

  writeOrdered(text: string): Promise<void> {
    return this.write(join(this.dir(), 'ordered.json'), text);
  }

  /** Compaction: once the snapshot stands for them, this copy's older batches go. */
  async removeBatchesUpTo(seq: number): Promise<void> {
    for (const old of await this.batchSeqs()) {
      if (old <= seq) await unlink(join(this.dir(), batchName(old))).catch(() => undefined);
    }
  }

  private async write(path: string, text: string): Promise<void> {
    try {
      await writeFileAtomic(path, text);
    } catch (error) {
      throw new FolderProblem({ code: 'notWritable', detail: (error as Error).message });
    }
  }
}

/** A file's text, its size and when it last changed; only its size when too large to read; null when absent. */
export type FileRead = ({ text: string } & FileMark) | { tooLarge: number } | null;

/** What a stat says of a file: enough to tell that it was replaced or changed since it was read. */
export interface FileMark {
  size: number;
  mtimeMs: number;
}

export function sameMark(a: FileMark | null | undefined, b: FileMark | null | undefined): boolean {
  return !!a && !!b && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

async function markOf(path: string): Promise<FileMark | null> {
  try {
    const info = await stat(path);
    return { size: info.size, mtimeMs: info.mtimeMs };
  } catch {
    return null;
  }
}

async function readBounded(path: string, maxBytes: number): Promise<FileRead> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch {
    return null;
  }
  try {
    // Sized on the open file and read up to that size only: a file that grows meanwhile is not read past the limit.
    const info = await handle.stat();
    if (info.size > maxBytes) return { tooLarge: info.size };
    const buffer = Buffer.alloc(info.size);
    const { bytesRead } = await handle.read(buffer, 0, info.size, 0);
    return { text: buffer.toString('utf8', 0, bytesRead), size: info.size, mtimeMs: info.mtimeMs };
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

export function batchName(seq: number): string {
  return `${String(seq).padStart(8, '0')}.batch`;
}

async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return null;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
