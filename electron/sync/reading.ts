/**
 * Reading one other copy's files in a sync folder, trusting none of it: the
 * folder is writable by everyone who has it (issue 13).
 *
 * - A file larger than any Cabas writes is refused by its size, unread.
 * - A file whose directory names one copy but whose content claims another is refused.
 * - Each change's timestamp is read strictly (hlc.ts): an impossible one, or one
 *   more than a day ahead, is refused on its own; one a few minutes ahead makes
 *   that copy's files wait for this copy's clock, as before.
 * - Whose changes a file may carry (issue 13, relayed changes): a producer's copy
 *   sends only its own, so a change in its files stamped by another copy is
 *   refused on every copy, the one it names included; an organiser's copy relays
 *   other copies' changes (between its two folders, in its snapshots), and what
 *   it relays is taken on every copy, the one it names included. The verdict
 *   depends on the file's author and the change's stamp alone, never on what the
 *   reading copy holds, so every copy takes the same changes and they converge.
 *   A relayed change under this copy's own id that it does not hold is listed
 *   (after a restore it is its own change coming back; else the relayer forged it).
 * - A damaged file (checksum mismatch) waits for the sync tool, and past a grace
 *   period is reported by name with what to do.
 *
 * Refused things go to `refuse` (kept and listed until discarded); passing
 * states (waiting, clock ahead, damaged) to `problems` (this sync only).
 */
import type { ChangeRecord } from '../../shared/model/change';
import { parseBatch, type ParsedBatch } from '../../shared/sync/envelope';
import { judgeRemoteTimestamp, MAX_DRIFT_MS } from '../../shared/sync/hlc';
import { canonicalJson } from '../../shared/sync/canonical';
import { stampOf } from '../../shared/sync/stamps';
import type { SyncProblem } from '../../shared/sync/status';
import type { Grave, Store } from '../store/store';
import { sameMark, type FileMark, type FileRead, type SyncFolder } from './folder';

/** This version writes batches well under this (engine.ts splits them); a larger one is not from Cabas. */
export const MAX_BATCH_BYTES = 16 * 1024 * 1024;
/** A snapshot holds a copy's whole state (about 130 MB of data at five years): bounded far above that. */
export const MAX_SNAPSHOT_BYTES = 1024 * 1024 * 1024;
/** How long a damaged file may still be arriving through the sync tool before it is reported as damaged. */
export const DAMAGED_GRACE_MS = 10 * 60 * 1000;

export interface Reader {
  folder: SyncFolder;
  store: Store;
  now: () => Date;
  problems: SyncProblem[];
  refuse: (problem: SyncProblem) => void;
  /** Whether the file is signed by the key the roster holds for `device` (trust.ts). */
  verify: (device: string, parsed: ParsedBatch & { ok: true }) => boolean;
  /** Whether `device`'s files may carry other copies' changes: an organiser's copy's (trust.ts). */
  relays: (device: string) => boolean;
}

export interface DeviceRead {
  seq: number;
  snapshot: string | null;
  /** The snapshot file as it was when last read through: the same size and time, it is not read again. */
  snapshotFile?: FileMark;
}

/** The changes to merge from one copy's snapshot and batches after `read`, which is moved past what was taken. */
export async function readDevice(reader: Reader, device: string, read: DeviceRead, seqs: readonly number[], onFile: () => void): Promise<ChangeRecord[]> {
  const changes: ChangeRecord[] = [];
  const graves = lazyGraves(reader.store);
  // An everyday sync: the snapshot read through last time is still there, unchanged; a stat, not 100 MB read, parsed and verified again.
  if (!sameMark(await reader.folder.snapshotMark(device), read.snapshotFile)) {
    const snapshot = await reader.folder.readSnapshot(device, MAX_SNAPSHOT_BYTES);
    const parsed = readable(reader, device, 'snapshot.json', snapshot);
    // A snapshot still arriving is read next time; the batches after the last one taken are read now.
    if (parsed && parsed !== 'stop') {
      if (parsed.batch.checksum !== read.snapshot && parsed.batch.seq >= read.seq) {
        const taken = take(reader, device, 'snapshot.json', parsed, graves);
        // A clock ahead: nothing of this copy is read until this copy's clock catches up.
        if (taken === 'wait') return changes;
        append(changes, taken);
        read.seq = parsed.batch.seq;
        read.snapshot = parsed.batch.checksum;
      }
      // Taken, or known to hold nothing new: not read again while the file stays as it is. One refused or
      // still arriving is read again at every sync (and listed), as before.
      if (snapshot && 'text' in snapshot) read.snapshotFile = { size: snapshot.size, mtimeMs: snapshot.mtimeMs };
    }
  }
  onFile();
  for (const seq of seqs) {
    if (seq <= read.seq) continue;
    const file = `${String(seq).padStart(8, '0')}.batch`;
    // A gap: batches were compacted into a snapshot this copy has not received yet.
    if (seq !== read.seq + 1) {
      reader.problems.push({ code: 'waiting', detail: `${device}/snapshot.json`, device, file: `${device}/snapshot.json` });
      break;
    }
    const text = await reader.folder.readBatch(device, seq, MAX_BATCH_BYTES);
    if (text === null) {
      reader.problems.push({ code: 'waiting', detail: `${device}/${seq}`, device, file: `${device}/${file}` });
      break;
    }
    const batch = readable(reader, device, file, text, seq);
    if (batch === 'stop') break;
    if (batch) {
      const taken = take(reader, device, file, batch, graves);
      if (taken === 'wait') break;
      append(changes, taken);
    }
    read.seq = seq;
    onFile();
  }
  return changes;
}

/**
 * A file's batch when it can be taken; null when it is refused or skipped for
 * good; 'stop' when it must be read again later (and nothing after it yet).
 */
function readable(reader: Reader, device: string, name: string, read: FileRead, seq?: number): (ParsedBatch & { ok: true }) | null | 'stop' {
  const file = `${device}/${name}`;
  const label = seq === undefined ? file : `${device}/${seq}`;
  if (read === null) return null;
  if ('tooLarge' in read) {
    reader.refuse({ code: 'tooLarge', detail: file, device, file, value: String(read.tooLarge) });
    return null;
  }
  const parsed = parseBatch(read.text);
  if (!parsed.ok) {
    if (parsed.error === 'incomplete') {
      const late = reader.now().getTime() - read.mtimeMs > DAMAGED_GRACE_MS;
      reader.problems.push(late ? { code: 'damaged', detail: file, device, file, value: parsed.message } : { code: 'waiting', detail: label, device, file });
      return 'stop';
    }
    if (parsed.error === 'newerFormat') {
      reader.problems.push({ code: 'newerFormat', detail: label, device, file });
      return 'stop';
    }
    reader.problems.push({ code: 'invalidFile', detail: `${label}: ${parsed.message}`, device, file });
    return null;
  }
  if (parsed.batch.device !== device) {
    reader.refuse({ code: 'wrongDevice', detail: file, device, file, value: parsed.batch.device });
    return null;
  }
  // Anyone who can write in the folder can write in that copy's directory: only its key makes the file its own.
  if (!reader.verify(device, parsed)) {
    reader.refuse({ code: 'badSignature', detail: file, device, file, value: parsed.batch.signature === undefined ? 'unsigned' : 'signature' });
    return null;
  }
  return parsed;
}

function take(reader: Reader, device: string, name: string, parsed: ParsedBatch & { ok: true }, graves: () => Map<string, Grave>): ChangeRecord[] | 'wait' {
  const file = `${device}/${name}`;
  const now = reader.now().getTime();
  // The batch's timestamps are real ones (parseBatch): one whose instant is not past the allowed drift is
  // judged 'ok' by comparing its text, instead of parsing each of a snapshot's again.
  const near = new Date(now + MAX_DRIFT_MS).toISOString();
  const verdicts = parsed.batch.changes.map((change) => (change.at.slice(0, near.length) <= near ? 'ok' : judgeRemoteTimestamp(change.at, now)));
  const ahead = verdicts.indexOf('ahead');
  if (ahead >= 0) {
    const change = parsed.batch.changes[ahead]!;
    reader.problems.push({ code: 'clockAhead', detail: device, device, file, record: recordOf(change), value: change.at });
    return 'wait';
  }
  const refuse = (code: SyncProblem['code'], change: ChangeRecord) => reader.refuse({ code, detail: file, device, file, record: recordOf(change), value: change.at });
  for (const { change } of parsed.refused) refuse('badTimestamp', change);
  const kept: ChangeRecord[] = [];
  const relays = reader.relays(device);
  for (const [index, change] of parsed.batch.changes.entries()) {
    if (verdicts[index] !== 'ok') refuse('futureTimestamp', change);
    else if (change.device !== device && !relays) {
      // Refused everywhere; listed only where it would change something (an old producer's snapshot relays
      // the organiser's writes to its offers, which every copy holds from the organiser's own files).
      if (changesSomething(reader.store, change, graves)) refuse('relayedChange', change);
    } else {
      // Its own changes come back relayed and in others' snapshots: only one this copy does not hold is listed.
      if (change.device === reader.store.deviceId && changesSomething(reader.store, change, graves)) refuse('ownDevice', change);
      kept.push(change);
    }
  }
  return kept;
}

/** Whether merging `change` would change anything this copy holds (per-field last writer wins, merge.ts). */
function changesSomething(store: Store, change: ChangeRecord, graves: () => Map<string, Grave>): boolean {
  const record = store.get(change.entity, change.entityId) as Record<string, unknown> | undefined;
  if (!record) {
    const grave = graves().get(`${change.entity}:${change.entityId}`);
    return grave ? change.at > grave.at : !change.removed;
  }
  const stamps = store.stampsOf(change.entity, change.entityId);
  if (change.removed) return Object.keys(record).every((field) => (stampOf(stamps, field) ?? '') < change.at);
  return Object.entries(change.fields).some(([field, value]) => {
    const at = stampOf(stamps, field);
    return at === undefined || change.at > at || (change.at === at && canonicalJson(value) !== canonicalJson(record[field]));
  });
}

function lazyGraves(store: Store): () => Map<string, Grave> {
  let graves: Map<string, Grave> | undefined;
  return () => (graves ??= new Map(store.removedRecords().map(({ kind, id, grave }) => [`${kind}:${id}`, grave])));
}

function recordOf(change: ChangeRecord): string {
  return `${change.entity} ${change.entityId}`;
}

/** Not `push(...list)`: a snapshot of years holds more changes than a call has room for arguments. */
function append<T>(into: T[], list: readonly T[]): void {
  for (const item of list) into.push(item);
}
