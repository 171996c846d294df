/** What the sync settings screen shows: the contract's result types for sync. */
import type { AppError, MessageParams } from '../contract/errors';
import type { NetworkSyncReport } from '../shop/network';
import type { ShopSyncReport } from '../shop/settings';
import type { SyncLevel } from './levels';
import type { SyncSettings } from './settings';

export const SYNC_PROBLEMS = [
  /** The folder is not there (USB key out, network drive not mounted). */
  'folderMissing',
  /** The folder is there but this copy cannot write in it. */
  'notWritable',
  /** The folder was set up for the other sharing level (team vs producers). */
  'wrongLevel',
  /** A file written by a newer version of Cabas: update this copy. */
  'newerFormat',
  /** Another device's clock is too far ahead: its changes wait until its clock is right. */
  'clockAhead',
  /** A file is still being copied by the sync tool: read next time. */
  'waiting',
  /** A file in the folder is not a Cabas sync file or is damaged: skipped. */
  'invalidFile',
  /** A producer's copy sent a change it may not make (not one of its offers): ignored. */
  'refused',
  /** A change whose clock timestamp is not a real one (bad format, impossible date, not its device's): refused. */
  'badTimestamp',
  /** A change stamped so far ahead (more than a day) that no clock can be right: refused. */
  'futureTimestamp',
  /** A change under this copy's own device id that this copy does not hold, relayed by an organiser's copy: taken, as on every copy, and listed. */
  'ownDevice',
  /** A change in a producer's copy's file stamped by another copy (a producer's copy sends only its own): refused on every copy. */
  'relayedChange',
  /** A file in one copy's directory that says it was written by another copy: refused. */
  'wrongDevice',
  /** A file of another copy still damaged after the grace period: that copy should sync again. */
  'damaged',
  /** A file larger than any this version writes: refused without reading it. */
  'tooLarge',
  /** A field of a change whose value its field does not accept (`detail`: why): refused alone, the rest of the change kept. */
  'invalidField',
  /** A file not signed, or not signed by the key the roster holds for its copy: refused. */
  'badSignature',
  /** A copy not on the organiser's roster yet: its files wait until the organiser approves it. */
  'awaitingApproval',
  /** Another copy keeps a roster of its own beside the one this copy trusts (two first organisers): listed, not merged. */
  'rivalRoster',
  /** A file written by a copy the organiser removed from the roster: refused. */
  'removedCopy',
  /** A document on the network's CouchDB not signed by the copy whose fingerprint is the producer's network id: refused. */
  'networkUnsigned',
  /** A producer's network document touching a product that is not its own: refused. */
  'networkNotOwn',
  /** A producer's network document refused by a rule (`detail`: why), as the same entry typed on this copy would be. */
  'networkInvalid',
] as const;
export type SyncProblemCode = (typeof SYNC_PROBLEMS)[number];

export interface SyncProblem {
  code: SyncProblemCode;
  /** The file or device concerned, or the technical reason. */
  detail?: string;
  /** The copy that wrote the file (its device id). */
  device?: string;
  /** The file, relative to the folder's cabas-sync/ directory. */
  file?: string;
  /** The record concerned: `<kind> <id>`. */
  record?: string;
  /** The value refused (a timestamp, a size, a device id, a field's value as JSON). */
  value?: string;
  /** The field concerned, when one field of a change was refused. */
  field?: string;
  /** What `detail`'s message needs when it is an i18n key with parameters (`validation.tooLong`: its `max`). */
  params?: MessageParams;
}

/** Why changes from other copies are held back on this copy instead of merged. */
export const SET_ASIDE_REASONS = ['recordIncomplete', 'recordInvalid'] as const;
export type SetAsideReason = (typeof SET_ASIDE_REASONS)[number];

/**
 * What this copy holds back or refused from other copies, kept until the
 * organiser discards it: parked changes counted by reason, refused ones listed
 * (the newest, up to a cap; `refusedDropped` counts what the cap let go).
 */
export interface SetAside {
  parked: { reason: SetAsideReason; count: number }[];
  /** Parked changes let go because the parking was full (count and size are capped). */
  parkedDropped: number;
  refused: (SyncProblem & { level: SyncLevel; at: string })[];
  refusedDropped: number;
}

export interface SyncProgress {
  phase: 'reading' | 'merging' | 'writing';
  done: number;
  total: number;
}

export interface FolderStatus {
  level: SyncLevel;
  folder: string;
  lastSyncAt: string | null;
  /** Changes of this copy not yet written to the folder. */
  pending: number;
  problems: SyncProblem[];
}

/** A copy's role as the roster says (never as the copy says of itself). */
export interface RosterRole {
  role: 'organiser' | 'producer';
  producerId: string | null;
}

/** A copy the roster knows, or one seen in a folder waiting for approval; `code` is what both screens show. */
export interface CopyView extends RosterRole {
  device: string;
  /** The short code of its key; null for a copy of an older version (no key yet: it must be updated). */
  code: string | null;
}

/**
 * This copy's identity and the roster (issue 13): its own code, whether it keeps
 * the roster (the first organiser's copy) or is on one, the copies approved, and
 * those waiting for the organiser's approval.
 */
export interface CopiesStatus {
  code: string;
  keeper: boolean;
  /** This copy is on the roster it holds (its batches are taken by the others). */
  approved: boolean;
  /** The code of the organiser's copy that keeps the roster, once known. */
  keeperCode: string | null;
  /** The roster this copy first trusted without checking (trust on first use): its keeper's code, and when. */
  firstTrust: { code: string; at: string } | null;
  roster: CopyView[];
  awaiting: CopyView[];
}

export interface SyncStatus {
  settings: SyncSettings;
  deviceId: string;
  running: boolean;
  progress: SyncProgress | null;
  folders: FolderStatus[];
  /** Open conflicts for the organiser to resolve. */
  conflicts: number;
  setAside: SetAside;
  copies: CopiesStatus;
}

export interface SyncReport {
  folders: { level: SyncLevel; received: number; sent: number; problems: SyncProblem[] }[];
  /** The relay's online shop, synced too when this machine has its account (issue 16); an error never fails the folders' sync. */
  shop?: { ok: true; report: ShopSyncReport } | { ok: false; error: AppError };
  /** A network of relays on the same CouchDB (issue 16): this producer's copy published, or this relay took its producers' publications in. */
  network?: { ok: true; report: NetworkSyncReport } | { ok: false; error: AppError };
}
