/**
 * Who this copy takes files from in a folder, and as what (issue 13, case 5).
 * The roster decides, never a copy's own device.json: a copy on it is read with
 * the role the organiser gave it and only files signed by its key are taken; a
 * copy not on it waits (listed, with its code) until the organiser approves it.
 */
import type { ParsedBatch } from '../../shared/sync/envelope';
import type { RosterRole } from '../../shared/sync/status';
import type { SyncSettings } from '../../shared/sync/settings';
import type { DeviceInfo, SyncFolder } from './folder';
import { verifySignature, type Identity } from './identity';
import { firstRoster, readRoster, roleOf, serialiseRoster, type Roster } from './roster';

export interface Trust {
  identity: Identity;
  /** The roster this copy keeps or has taken from its keeper; null before it has one. */
  roster: Roster | null;
  /** Keeps a roster this copy just made or took (sync/roster.json). */
  save: (roster: Roster) => Promise<void>;
}

export type Judged = { device: string; info: DeviceInfo } & ({ awaiting: false; role: RosterRole; key: string | null } | { awaiting: true; removed?: boolean });

/**
 * Before reading a folder. The keeper publishes its roster. A copy with a roster
 * takes a newer one its keeper signed; a copy without one trusts the first roster
 * it finds (trust on first use), listed on it or not, and checks every file
 * against it from then on. An organiser's copy that finds no roster at all enrols
 * itself as the keeper: the way a folder synced before rosters existed is brought
 * in. Returns the copies that keep a roster of their own beside the trusted one
 * (two first organisers), to be listed, never merged.
 */
export async function settleRoster(trust: Trust, folder: SyncFolder, devices: readonly { device: string }[], settings: SyncSettings, now: Date): Promise<string[]> {
  const me = folder.device;
  if (!trust.roster) {
    // This copy's sync/ folder was lost but the roster it keeps is still in the folder, signed by its key: taken back.
    const mine = readRoster(await folder.readRoster(me), { keeper: me, keeperKey: trust.identity.publicKey });
    if (mine) {
      trust.roster = mine;
      await trust.save(mine);
    }
  }
  // Every roster in the folder that its own writer keeps and signed.
  const kept: Roster[] = [];
  for (const { device } of devices) {
    const found = readRoster(await folder.readRoster(device));
    if (found && found.keeper === device) kept.push(found);
  }
  if (!trust.roster && kept.length > 0) {
    // Trust on first use: a copy with no roster yet takes the one its keeper signed — listed on it or not —
    // and from then on checks every file against it (before, it took any file, signed or not, until it was
    // approved). Two keepers (two copies each started a roster): the one listing this copy, else the one
    // started first. Recorded with its time and the keeper's code, shown on the sync screen.
    const first = [...kept].sort((x, y) => Number(roleOf(y, me, trust.identity.publicKey) !== null) - Number(roleOf(x, me, trust.identity.publicKey) !== null) || startedAt(x).localeCompare(startedAt(y)))[0]!;
    trust.roster = first;
    await trust.save(first);
  }
  if (trust.roster && trust.roster.keeper !== me) {
    const pinned = trust.roster;
    // Only the trusted keeper's newer rosters are taken.
    const newest = kept.filter((roster) => roster.keeper === pinned.keeper && roster.keeperKey === pinned.keeperKey && roster.issuedAt > pinned.issuedAt).at(-1);
    if (newest) {
      trust.roster = newest;
      await trust.save(newest);
    }
  }
  if (!trust.roster && kept.length === 0 && settings.role === 'organiser') {
    // The first organiser's copy in a folder with no roster keeps it, and trusts itself first.
    trust.roster = firstRoster(trust.identity, me, now);
    await trust.save(trust.roster);
  }
  if (trust.roster?.keeper === me) await folder.writeRoster(serialiseRoster(trust.roster));
  // Another copy that started a roster of its own (two first organisers): never merged, listed as a conflict.
  const trusted = trust.roster;
  return trusted ? kept.filter((roster) => roster.keeper !== trusted.keeper || roster.keeperKey !== trusted.keeperKey).map((roster) => roster.keeper) : [];
}

/** When a roster was started: its keeper's own entry, approved when the keeper enrolled itself. */
function startedAt(roster: Roster): string {
  return roster.copies.find((copy) => copy.device === roster.keeper)?.approvedAt ?? roster.issuedAt;
}

/** Each other copy in the folder: read as the roster says, or awaiting approval. */
export function judge(roster: Roster | null, devices: readonly { device: string; info: DeviceInfo }[]): Judged[] {
  return devices.map(({ device, info }): Judged => {
    // No roster yet: a producer's copy not approved so far reads the organisers' catalogue as before (it needs the producer list to be set up).
    if (!roster) return { device, info, awaiting: false, role: { role: info.role, producerId: info.producerId }, key: null };
    const entry = roster.copies.find((copy) => copy.device === device);
    // Taken off the roster by the organiser: its files are refused, not offered for approval again.
    if (!entry && roster.removed?.some((copy) => copy.device === device)) return { device, info, awaiting: true, removed: true };
    if (!entry) return { device, info, awaiting: true };
    return { device, info, awaiting: false, role: { role: entry.role, producerId: entry.producerId }, key: entry.publicKey };
  });
}

/** Whether a file of `device` is signed by the key the roster holds for it (no roster: nothing to check against). */
export function signedBy(judged: Judged, parsed: ParsedBatch & { ok: true }): boolean {
  if (judged.awaiting) return false;
  if (judged.key === null) return true;
  const { signature } = parsed.batch;
  return signature !== undefined && verifySignature(judged.key, parsed.signedBytes ?? parsed.signed(), signature);
}
