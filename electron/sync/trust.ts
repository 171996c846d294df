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

export type Judged = { device: string; info: DeviceInfo } & ({ awaiting: false; role: RosterRole; key: string | null } | { awaiting: true });

/**
 * Before reading a folder. The keeper publishes its roster. A copy with a roster
 * takes a newer one its keeper signed; a copy without one takes the first roster
 * that lists it with its own key (what the organiser approved by the code). An
 * organiser's copy that finds no roster at all enrols itself as the keeper: the
 * way a folder synced before rosters existed is brought in.
 */
export async function settleRoster(trust: Trust, folder: SyncFolder, devices: readonly { device: string }[], settings: SyncSettings, now: Date): Promise<void> {
  const me = folder.device;
  if (!trust.roster) {
    // This copy's sync/ folder was lost but the roster it keeps is still in the folder, signed by its key: taken back.
    const mine = readRoster(await folder.readRoster(me), { keeper: me, keeperKey: trust.identity.publicKey });
    if (mine) {
      trust.roster = mine;
      await trust.save(mine);
    }
  }
  if (trust.roster?.keeper !== me) {
    const pinned = trust.roster ? { keeper: trust.roster.keeper, keeperKey: trust.roster.keeperKey } : undefined;
    let anyRoster = false;
    for (const { device } of devices) {
      const found = readRoster(await folder.readRoster(device), pinned);
      if (!found || found.keeper !== device) continue;
      anyRoster = true;
      const newer = trust.roster ? found.issuedAt > trust.roster.issuedAt : roleOf(found, me, trust.identity.publicKey) !== null;
      if (newer) {
        trust.roster = found;
        await trust.save(found);
      }
    }
    if (!trust.roster && !anyRoster && settings.role === 'organiser') {
      trust.roster = firstRoster(trust.identity, me, now);
      await trust.save(trust.roster);
    }
  }
  if (trust.roster?.keeper === me) await folder.writeRoster(serialiseRoster(trust.roster));
}

/** Each other copy in the folder: read as the roster says, or awaiting approval. */
export function judge(roster: Roster | null, devices: readonly { device: string; info: DeviceInfo }[]): Judged[] {
  return devices.map(({ device, info }): Judged => {
    // No roster yet: a producer's copy not approved so far reads the organisers' catalogue as before (it needs the producer list to be set up).
    if (!roster) return { device, info, awaiting: false, role: { role: info.role, producerId: info.producerId }, key: null };
    const entry = roster.copies.find((copy) => copy.device === device);
    if (!entry) return { device, info, awaiting: true };
    return { device, info, awaiting: false, role: { role: entry.role, producerId: entry.producerId }, key: entry.publicKey };
  });
}

/** Whether a file of `device` is signed by the key the roster holds for it (no roster: nothing to check against). */
export function signedBy(judged: Judged, parsed: ParsedBatch & { ok: true }): boolean {
  if (judged.awaiting) return false;
  if (judged.key === null) return true;
  const { signature } = parsed.batch;
  return signature !== undefined && verifySignature(judged.key, parsed.signed(), signature);
}
