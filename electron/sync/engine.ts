/**
 * One sync with one folder: read what the other copies wrote since last time,
 * merge it, then write what this copy has that the folder has not got.
 *
 * Reading a device's files stops at the first one still arriving (a half-copied
 * batch, a gap left by a compaction whose snapshot has not arrived yet): the
 * next sync takes it up from there, so nothing is skipped and nothing is read
 * half. A snapshot already read through is known by its size and time and not
 * read again (reading.ts): an everyday sync reads the new batches only.
 *
 * Writing: the first time, this copy's state as it was before reading the folder,
 * as its snapshot; then one batch per sync with the journal entries the folder has
 * not had (never the ones that came from it); once the batches since the last
 * snapshot are many and weigh a share of it (compactionDue), a new snapshot
 * replaces them, so the folder does not grow without bound, a copy joining after a
 * year reads one snapshot per device, not a year of changes, and rewriting a
 * snapshot of years costs each change a bounded share of it.
 */
import type { ChangeRecord, EntityKind } from '../../shared/model/change';
import { createBatch, parseBatch, serialiseBatch, signedText, type SyncBatch } from '../../shared/sync/envelope';
import { carries, PRODUCER_WRITES, type SyncLevel } from '../../shared/sync/levels';
import type { SyncSettings } from '../../shared/sync/settings';
import type { RosterRole, SyncProblem, SyncProgress } from '../../shared/sync/status';
import type { FieldContest, RefusedField, Store } from '../store/store';
import { latestOrdered, orderedFile, publishedSince } from './ordered-totals';
import { sameMark, SyncFolder, type DeviceInfo, type FileMark } from './folder';
import type { Journal } from './journal';
import { stateChanges } from './snapshot';
import { MAX_BATCH_BYTES, readDevice } from './reading';
import { freshFolderState, park, refuse, type FolderState, type SyncState } from './state';
import type { Identity } from './identity';
import { judge, settleRoster, signedBy, type Judged, type Trust } from './trust';

export const COMPACT_AFTER = 20;
/** The share of the snapshot's size the batches since must weigh before it is rewritten (compactionDue). */
const SNAPSHOT_SHARE = 0.25;
const MAX_BATCHES_KEPT = 500;
/** What this copy puts in one batch file at most (one change more may pass it): a quarter of what readers accept. */
const BATCH_TARGET_BYTES = MAX_BATCH_BYTES / 4;
const REFUSED_IN_REPORT = 20;
/** A refused value is shown, not kept: a long one is cut (the state file stays small). */
const MAX_VALUE_SHOWN = 200;

export interface SyncContext {
  store: Store;
  journal: Journal;
  settings: SyncSettings;
  state: SyncState;
  now: () => Date;
  progress: (progress: SyncProgress) => void;
  trust: Trust;
}

export interface FolderOutcome {
  received: number;
  sent: number;
  problems: SyncProblem[];
  contests: FieldContest[];
}

type Incoming = { device: string; role: RosterRole; changes: ChangeRecord[] };

export async function syncFolder(ctx: SyncContext, level: SyncLevel, path: string): Promise<FolderOutcome> {
  const { store, journal, settings, state } = ctx;
  const folder = new SyncFolder(path, level, store.deviceId);
  let folderState = state.folders[level];
  // Another producers folder: the totals published in the one before are not this one's.
  if (folderState && folderState.path !== path && level === 'producers') state.published = null;
  if (!folderState || folderState.path !== path) folderState = freshFolderState(path);
  state.folders[level] = folderState;
  const problems: SyncProblem[] = [];
  const me: DeviceInfo = { role: settings.role, producerId: settings.producerId, publicKey: ctx.trust.identity.publicKey };
  await folder.prepare(me);

  // Who may write here: the roster, not what each copy says of itself.
  const present = await folder.otherDevices();
  const rivals = await settleRoster(ctx.trust, folder, present, settings, ctx.now());
  const judged = judge(ctx.trust.roster, present);
  const awaiting = judged.filter((copy) => copy.awaiting && !copy.removed);
  state.awaiting = [
    ...state.awaiting.filter((copy) => copy.level !== level),
    ...awaiting.map(({ device, info }) => ({ device, level, publicKey: info.publicKey ?? null, role: info.role, producerId: info.producerId })),
  ];
  // Its files wait, unread, until the organiser approves it; listed at every sync, never a silent wait.
  for (const { device } of awaiting) problems.push({ code: 'awaitingApproval', detail: device, device });
  const devices = judged.filter((copy): copy is Judged & { awaiting: false } => !copy.awaiting);
  const byDevice = new Map<string, Judged>(devices.map((copy) => [copy.device, copy]));
  const incoming: Incoming[] = [];
  let filesDone = 0;
  const plan = await Promise.all(devices.map(async ({ device }) => (await folder.batchSeqs(device)).filter((seq) => seq > (folderState.read[device]?.seq ?? 0))));
  const filesTotal = plan.reduce((sum, seqs) => sum + seqs.length + 1, 0);
  const refused: SyncProblem[] = [];
  // Two copies each started a roster (two first organisers): the other one's is listed, never merged into this one.
  for (const device of rivals) refused.push({ code: 'rivalRoster', detail: device, device, file: `${device}/roster.json` });
  // A copy the organiser removed from the roster: each of its files written since is refused and listed, unread.
  for (const { device } of judged.filter((copy) => copy.awaiting && copy.removed)) {
    for (const seq of await folder.batchSeqs(device)) {
      if (seq > (folderState.read[device]?.seq ?? 0)) refused.push({ code: 'removedCopy', detail: device, device, file: `${device}/${String(seq).padStart(8, '0')}.batch` });
    }
  }
  const reader = {
    folder,
    store,
    now: ctx.now,
    problems,
    refuse: (problem: SyncProblem) => void refused.push(problem),
    verify: (device: string, parsed: Parameters<typeof signedBy>[1]) => signedBy(byDevice.get(device) ?? { device, info: { role: 'producer', producerId: null }, awaiting: true }, parsed),
    relays: (device: string) => relays(byDevice.get(device)),
  };
  for (const [index, { device, role }] of devices.entries()) {
    const read = folderState.read[device] ?? { seq: 0, snapshot: null };
    const changes = await readDevice(reader, device, read, plan[index]!, () => ctx.progress({ phase: 'reading', done: ++filesDone, total: filesTotal }));
    folderState.read[device] = read;
    incoming.push({ device, role, changes });
  }

  // Merge.
  const accepted: ChangeRecord[] = [...state.parked];
  const arriving = catalogueArriving(incoming);
  for (const { device, role, changes } of incoming) {
    for (const change of changes) {
      if (!carries(level, change.entity)) continue;
      // On every copy, not only organisers': a producer's copy takes no other producer's writes relayed by a third one either.
      if (role.role === 'producer' && !producerMay(store, arriving, role, change)) {
        refused.push({ code: 'refused', detail: `${device}: ${change.entity} ${change.entityId}`, device, record: `${change.entity} ${change.entityId}` });
        continue;
      }
      accepted.push(change);
    }
  }
  ctx.progress({ phase: 'merging', done: 0, total: accepted.length });
  const keepIn = keeper(level, settings);
  const keep = (kind: EntityKind, record: Record<string, unknown>) => keepIn(kind, record, store);
  // A copy's first snapshot in a folder holds what it had before taking this folder's files: what it takes now is
  // in the files of the copies that wrote it. A new copy joining years of history writes a snapshot of its own
  // few records, not the years back (issue 11). Taken with the journal's head in the same step: what is committed
  // from now on goes in the next batch.
  const first = folderState.snapshotWritten ? null : { changes: ownIfProducer(settings, store, stateChanges(store, keep)), exportedN: journal.head };
  const merged = accepted.length > 0 ? await store.merge(accepted, level) : { applied: [], parked: [], contests: [], refused: [] };
  park(state, merged.parked);
  refused.push(...merged.refused.map(invalidField));
  if (level === 'producers') readPublished(ctx, settings.role === 'producer' ? await latestOrdered(folder, devices, ctx.now(), (problem) => void refused.push(problem)) : null);
  refuse(state, level, refused, ctx.now());

  // Write.
  ctx.progress({ phase: 'writing', done: 0, total: 1 });
  const sign = (batch: SyncBatch) => serialiseBatch(signed(ctx.trust.identity, batch));
  let sent = 0;
  const onDisk = await folder.batchSeqs();
  const nextSeq = Math.max(folderState.mySeq, onDisk.at(-1) ?? 0) + 1;
  if (first) {
    await writeSnapshot(folder, folderState, sign(createBatch(store.deviceId, nextSeq - 1, first.changes)));
    folderState.mySeq = nextSeq - 1;
    folderState.snapshotWritten = true;
    folderState.exportedN = first.exportedN;
    sent = first.changes.length;
  } else {
    // A batch of ours damaged in the folder would stop the other copies at it: a snapshot now stands for it.
    // Files written before this copy had a key are unsigned, and refused: a signed snapshot now stands for them (roster.ts).
    let snapshotNeeded = (await ownBatchDamaged(folder, folderState.written)) || !folderState.signed;
    const pending = pendingFor(ctx, level);
    let seq = nextSeq;
    // Several files when there is much to send: every batch stays under the size other copies accept (reading.ts).
    for (const part of batchesOf(pending.map((entry) => entry.change))) {
      const text = sign(createBatch(store.deviceId, seq, part));
      await folder.writeBatch(seq, text);
      const mark = await folder.batchMark(seq);
      if (mark) folderState.written[String(seq)] = mark;
      folderState.mySeq = seq;
      folderState.batchesSinceSnapshot += 1;
      folderState.bytesSinceSnapshot += Buffer.byteLength(text);
      seq += 1;
    }
    sent = pending.length;
    folderState.exportedN = journal.head;
    snapshotNeeded ||= compactionDue(folderState);
    if (snapshotNeeded) {
      // The snapshot is in place before any batch goes, so a reader always finds one or the other.
      await writeSnapshot(folder, folderState, sign(createBatch(store.deviceId, folderState.mySeq, ownIfProducer(settings, store, stateChanges(store, keep)))));
      await folder.removeBatchesUpTo(folderState.mySeq);
      for (const written of Object.keys(folderState.written)) if (Number(written) <= folderState.mySeq) delete folderState.written[written];
    }
  }
  if (settings.role === 'organiser' && level === 'producers') await folder.writeOrdered(orderedFile(store, ctx.now(), ctx.trust.identity));
  ctx.progress({ phase: 'writing', done: 1, total: 1 });
  folderState.lastSyncAt = ctx.now().toISOString();
  // What was refused is kept in the state's list (shown on the sync screen until discarded); the report names the first ones.
  folderState.problems = problems;
  return { received: merged.applied.length, sent, problems: [...problems, ...refused.slice(0, REFUSED_IN_REPORT)], contests: merged.contests };
}

/** A field write the store refused, as the sync screen lists it: which copy, record, field, value, and why. */
function invalidField({ change, field, value, reason, params }: RefusedField): SyncProblem {
  return { code: 'invalidField', device: change.device, record: `${change.entity} ${change.entityId}`, field, value: JSON.stringify(value).slice(0, MAX_VALUE_SHOWN), detail: reason, ...(params && { params }) };
}

/**
 * Whether every other copy reading this one's batches gets a whole snapshot, or the batches
 * since the last one: once there are COMPACT_AFTER of them and they weigh a share of the
 * snapshot (SNAPSHOT_SHARE), so that rewriting a snapshot of years costs each change a bounded
 * share of it, however long the history (issue 11: at five years a snapshot is ~130 MB, and
 * every other copy reads it again). MAX_BATCHES_KEPT bounds the files in the folder.
 */
function compactionDue(state: FolderState): boolean {
  if (state.batchesSinceSnapshot >= MAX_BATCHES_KEPT) return true;
  return state.batchesSinceSnapshot >= COMPACT_AFTER && state.bytesSinceSnapshot >= state.snapshotBytes * SNAPSHOT_SHARE;
}

async function writeSnapshot(folder: SyncFolder, state: FolderState, text: string): Promise<void> {
  await folder.writeSnapshot(text);
  state.batchesSinceSnapshot = 0;
  state.bytesSinceSnapshot = 0;
  state.snapshotBytes = Buffer.byteLength(text);
  state.signed = true;
}

/** Whether one of this copy's batches in the folder is damaged; only one no longer as it was written is read. */
async function ownBatchDamaged(folder: SyncFolder, written: Readonly<Record<string, FileMark>>): Promise<boolean> {
  for (const seq of await folder.batchSeqs()) {
    if (sameMark(await folder.batchMark(seq), written[String(seq)])) continue;
    const read = await folder.readBatch(folder.device, seq, MAX_BATCH_BYTES);
    if (read !== null && ('tooLarge' in read || !parseBatch(read.text).ok)) return true;
  }
  return false;
}

/** Splits what to send so that no batch file nears MAX_BATCH_BYTES. */
function batchesOf(changes: readonly ChangeRecord[]): ChangeRecord[][] {
  const parts: ChangeRecord[][] = [];
  let part: ChangeRecord[] = [];
  let bytes = 0;
  for (const change of changes) {
    const size = JSON.stringify(change).length;
    if (part.length > 0 && bytes + size > BATCH_TARGET_BYTES) {
      parts.push(part);
      part = [];
      bytes = 0;
    }
    part.push(change);
    bytes += size;
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

/** What this copy sends to a folder: what the level carries; from a producer's copy, only its own offers. */
function keeper(level: SyncLevel, settings: SyncSettings) {
  return (kind: EntityKind, record: Record<string, unknown>, store: Store): boolean => {
    if (!carries(level, kind)) return false;
    if (settings.role !== 'producer') return true;
    return PRODUCER_WRITES.has(kind) && producerOfOffer(store, record) === settings.producerId;
  };
}

/** The journal entries a folder has not had: not sent yet, not from that folder, and carried by it. */
export function pendingFor(ctx: Pick<SyncContext, 'store' | 'journal' | 'settings' | 'state'>, level: SyncLevel) {
  const { store, journal, settings, state } = ctx;
  const keep = keeper(level, settings);
  return journal.after(state.folders[level]?.exportedN ?? 0).filter(({ origin, change }) => {
    if (origin === level) return false;
    if (settings.role === 'producer' && change.device !== store.deviceId) return false;
    const record = (store.get(change.entity, change.entityId) as Record<string, unknown> | undefined) ?? change.fields;
    return keep(change.entity, record, store);
  });
}

function producerOfOffer(store: Store, offer: Record<string, unknown>): string | undefined {
  const productId = offer.productId as string | undefined;
  return productId === undefined ? undefined : store.get('product', productId)?.producerId;
}

/**
 * A producer's copy sends only the changes it made (reading.ts refuses any other in its files, on every copy):
 * the organiser's writes to its offers, which its snapshot would hold, reach the others from the organiser's files.
 */
function ownIfProducer(settings: SyncSettings, store: Store, changes: ChangeRecord[]): ChangeRecord[] {
  return settings.role === 'producer' ? changes.filter((change) => change.device === store.deviceId) : changes;
}

/** Only an organiser's copy relays other copies' changes (between its folders, in its snapshots); the roster says which copy is one. */
function relays(copy: Judged | undefined): boolean {
  return copy !== undefined && !copy.awaiting && copy.role.role === 'organiser';
}

function signed(identity: Identity, batch: SyncBatch): SyncBatch {
  return { ...batch, signature: identity.sign(signedText(batch)) };
}

/** A producer's copy may only set offers, and only for its own products (before and after the change). */
function producerMay(store: Store, arriving: Arriving, info: RosterRole, change: ChangeRecord): boolean {
  if (!PRODUCER_WRITES.has(change.entity) || change.removed || info.producerId === null) return false;
  const held = store.get('offer', change.entityId)?.productId ?? arriving.offers.get(change.entityId);
  const products = [held, change.fields.productId].filter((productId) => productId !== undefined);
  if (products.length === 0) return false;
  // A product created on an organiser's copy reaches this copy before any offer of it can (in this sync's files at
  // the latest: a copy joining takes the catalogue and the producer's offers together): an unknown product is refused.
  return products.every((productId) => (producerOfOffer(store, { productId }) ?? arriving.products.get(productId as string)) === info.producerId);
}

interface Arriving {
  /** Offer → its product, and product → its producer, as organisers' files read in this sync set them. */
  offers: Map<string, string>;
  products: Map<string, string>;
}

/** What a producer's offer change is checked against when this copy does not hold the record yet. */
function catalogueArriving(incoming: readonly Incoming[]): Arriving {
  const arriving: Arriving = { offers: new Map(), products: new Map() };
  for (const { role, changes } of incoming) {
    if (role.role !== 'organiser') continue;
    for (const { entity, entityId, fields } of changes) {
      if (entity === 'offer' && typeof fields.productId === 'string') arriving.offers.set(entityId, fields.productId);
      if (entity === 'product' && typeof fields.producerId === 'string') arriving.products.set(entityId, fields.producerId);
    }
  }
  return arriving;
}

/**
 * The ordered totals a producer's copy counts beside its own (none: it holds no orders). Kept in the
 * sync state between syncs, and bounded like what organisers publish: distributions of the last month
 * and to come, so totals no organiser publishes any more (it left the folder) age out instead of
 * counting forever. A copy that became an organiser's counts its own orders only.
 */
function readPublished(ctx: SyncContext, latest: Awaited<ReturnType<typeof latestOrdered>>): void {
  const { state, store } = ctx;
  if (ctx.settings.role !== 'producer') state.published = null;
  if (latest && (!state.published || latest.at > state.published.at)) state.published = { at: latest.at, totals: latest.totals };
  if (state.published) {
    const since = publishedSince(ctx.now());
    const totals = Object.fromEntries(Object.entries(state.published.totals).filter(([distributionId]) => (store.get('distribution', distributionId)?.pickupDate ?? '') >= since));
    state.published = Object.keys(totals).length > 0 ? { at: state.published.at, totals } : null;
  }
  store.setPublishedOrdered(state.published?.totals ?? {});
}
