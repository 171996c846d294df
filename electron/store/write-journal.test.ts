/**
 * The write journal under crashes: a crash is a write step that never returns (the
 * process died there), after which the folder is opened again as at the next launch.
 */
import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { appendFile, readdir, readFile, readlink, realpath, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PickupSlot } from '../../shared/model/slot';
import { producerRecord } from '../testing/fixtures';
import { refuseNext } from '../testing/refusing-disk';
import { useTempDirs } from '../testing/temp-dir';
import { readyStore, storeState } from '../testing/store-state';
import { openStore, type StoreOptions } from './store';
import { JOURNAL_FILE } from './write-journal';

const tempDir = useTempDirs();

/** These tests fold by hand, never on a timer. */
const ready = (options: StoreOptions) => readyStore({ foldWhenIdleMs: false, ...options });

const stateOf = storeState;

const AT = '2026-03-02T09:00:00.000Z';
const slotRecord = (distributionId: string, start: string): PickupSlot => ({
  id: randomUUID(), distributionId, start, end: start.replace(':00', ':30'), capacity: 8, createdAt: AT, updatedAt: AT,
});

/** A crash armed at the n-th write step (journal steps and renames alike, counted from 1; 0 = never). */
function crashAt(n: number) {
  let count = 0;
  let reached: () => void = () => undefined;
  const crashed = new Promise<void>((resolve) => {
    reached = resolve;
  });
  const step = (): Promise<void> | void => {
    count += 1;
    if (count !== n) return;
    reached();
    // The process died here: nothing after this step ever runs.
    return new Promise<void>(() => undefined);
  };
  return { step, crashed, steps: () => count };
}

const DEVICE = '0b7f6f0e-6c1a-4d8e-9a51-3c2b7d9e1f00';
const a = producerRecord({ id: '11111111-1111-4111-8111-111111111111', name: 'Ferme A' });
const b = producerRecord({ id: '22222222-2222-4222-8222-222222222222', name: 'Ferme B' });
const distributionId = '33333333-3333-4333-8333-333333333333';
const [kept, dropped] = [slotRecord(distributionId, '17:00'), slotRecord(distributionId, '18:00')];
/** In another distribution's file, which the fold under way does not write. */
const added = slotRecord('44444444-4444-4444-8444-444444444444', '19:00');

/**
 * The same changes in every run (fixed ids, device and clock), so every run goes through
 * the same states. Change 1 touches two files (a producer renamed, a slot removed); while
 * its fold writes the first file, change 2 is made, so the fold keeps change 2's line and
 * rewrites the journal (temp file + rename); change 3 comes after, and a last fold empties
 * the journal.
 */
async function scenario(dataDir: string, crash: ReturnType<typeof crashAt>) {
  await writeFile(join(dataDir, 'device.json'), JSON.stringify({ deviceId: DEVICE }));
  let armed = false;
  let duringFold: (() => Promise<void>) | undefined;
  const renamed: string[] = [];
  const store = await ready({
    dataDir,
    now: () => new Date(AT),
    writeHooks: {
      step: async (step) => {
        if (!armed) return;
        await crash.step();
        if (step === 'fold.file' && duringFold) {
          const change = duringFold;
          duringFold = undefined;
          await change();
        }
      },
      beforeRename: (temp) => {
        renamed.push(temp.slice(dataDir.length + 1).replace(/\.[0-9a-f]{12}\.tmp$/, ''));
        return armed ? crash.step() : undefined;
      },
    },
  });
  await store.transact((tx) => {
    for (const record of [a, b]) tx.put('producer', record);
    for (const record of [kept, dropped]) tx.put('slot', record);
  });
  await store.fold();
  const states = [stateOf(store)];
  let acknowledged = 0;
  const acknowledge = () => {
    acknowledged += 1;
    states.push(stateOf(store));
  };
  armed = true;
  const run = (async () => {
    await store.transact((tx) => {
      tx.put('producer', { ...a, name: 'Ferme A (renommée)' });
      tx.remove('slot', dropped.id);
    });
    acknowledge();
    duringFold = async () => {
      await store.transact((tx) => {
        tx.put('producer', { ...b, notes: 'bio' });
        tx.put('slot', added);
      });
      acknowledge();
    };
    await store.fold();
    await store.transact((tx) => tx.put('producer', { ...a, name: 'Ferme A (encore)' }));
    acknowledge();
    await store.fold();
  })();
  return { run, states, renamed, acknowledged: () => acknowledged };
}

describe('a crash at any step of append, fold and rename', () => {
  it('reopening gives the last acknowledged state or the one in flight, never a mix, at every step', async () => {
    // A dry run counts the steps and records every acknowledged state.
    const dry = crashAt(0);
    const reference = await scenario(await tempDir(), dry);
    await reference.run;
    const total = dry.steps();
    expect(reference.states).toHaveLength(4);
    // Each change: append + flush; each fold: its files and their renames, the drop (and the journal's rename once).
    expect(total).toBeGreaterThanOrEqual(15);
    // Change 2 did land during a fold: the journal was rewritten keeping its line.
    expect(reference.renamed).toContain(JOURNAL_FILE);

    const seen = new Set<number>();
    for (let n = 1; n <= total; n++) {
      const dataDir = await tempDir();
      const crash = crashAt(n);
      const attempt = await scenario(dataDir, crash);
      await Promise.race([crash.crashed, attempt.run]);
      const acknowledged = attempt.acknowledged();
      const found = stateOf(await ready({ dataDir }));
      const allowed = reference.states.slice(acknowledged, acknowledged + 2);
      expect(allowed, `crash at step ${n} of ${total}, after ${acknowledged} acknowledged changes`).toContain(found);
      seen.add(reference.states.indexOf(found));
    }
    // The crashes did land between the changes: old and new states were both found.
    expect([...seen].sort()).toEqual([0, 1, 2, 3]);
  });
});

describe('a torn journal tail (a power cut mid-append)', () => {
  const tails: { name: string; tail: (line: string) => string }[] = [
    { name: 'half a line', tail: (line) => line.slice(0, Math.floor(line.length / 2)) },
    { name: 'a whole line but its newline', tail: (line) => line.trimEnd() },
    { name: 'a line whose last page never reached the disk (zeros)', tail: (line) => `${line.slice(0, 20)}${'\0'.repeat(line.length - 21)}\n` },
  ];

  for (const { name, tail } of tails) {
    it(`${name} is cut off at open, and the changes made after it survive a restart`, async () => {
      const dataDir = await tempDir();
      const store = await ready({ dataDir });
      const first = producerRecord({ name: 'Ferme A' });
      await store.transact((tx) => tx.put('producer', first));
      await store.fold();
      await store.transact((tx) => tx.put('producer', { ...first, notes: 'acknowledged' }));
      const acknowledged = stateOf(store);
      const good = await readFile(join(dataDir, JOURNAL_FILE), 'utf8');
      expect(good.split('\n').filter(Boolean)).toHaveLength(1);
      // The change being appended when the power went: never acknowledged.
      const torn = good.replace('"n":1', '"n":2').replace('acknowledged', 'never acknowledged');
      await appendFile(join(dataDir, JOURNAL_FILE), tail(torn));

      const reopened = await ready({ dataDir });
      expect(stateOf(reopened)).toBe(acknowledged);
      expect(await readFile(join(dataDir, JOURNAL_FILE), 'utf8')).toBe(good);

      const second = producerRecord({ name: 'Ferme B' });
      await reopened.transact((tx) => tx.put('producer', second));
      const after = stateOf(reopened);
      // Restarted without a fold: the new line was not glued to the torn one.
      const restarted = await ready({ dataDir });
      expect(stateOf(restarted)).toBe(after);
      expect(restarted.get('producer', second.id)).toEqual(second);
    });
  }

  it('a bad line with good lines after it is damage: recovery names the journal and nothing is written', async () => {
    const dataDir = await tempDir();
    const store = await ready({ dataDir });
    const first = producerRecord({ name: 'Ferme A' });
    await store.transact((tx) => tx.put('producer', first));
    await store.transact((tx) => tx.put('producer', { ...first, notes: 'one' }));
    await store.transact((tx) => tx.put('producer', { ...first, notes: 'two' }));
    const [one, two] = (await readFile(join(dataDir, JOURNAL_FILE), 'utf8')).split('\n');
    const damaged = `${one!.slice(0, 30)}#${one!.slice(31)}\n${two}\n`;
    await writeFile(join(dataDir, JOURNAL_FILE), damaged);

    const opened = await openStore({ dataDir, foldWhenIdleMs: false });
    expect(opened).toMatchObject({ state: 'recovery', problem: { file: JOURNAL_FILE, reason: 'invalidJson' } });
    expect(await readFile(join(dataDir, JOURNAL_FILE), 'utf8')).toBe(damaged);
  });
});

type Operation =
  | { kind: 'producer'; which: number; name: string }
  | { kind: 'addSlot'; distribution: number; start: string }
  | { kind: 'removeSlot'; which: number }
  | { kind: 'fold' };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ kind: fc.constant('producer' as const), which: fc.nat({ max: 3 }), name: fc.constantFrom('Ferme A', 'Ferme B', 'Le Fournil', 'La Chèvrerie') }),
  fc.record({ kind: fc.constant('addSlot' as const), distribution: fc.nat({ max: 1 }), start: fc.constantFrom('16:00', '17:00', '18:00') }),
  fc.record({ kind: fc.constant('removeSlot' as const), which: fc.nat({ max: 5 }) }),
  fc.constant({ kind: 'fold' as const }),
);

describe('a journal that cannot be opened for writing', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('a torn tail the disk refuses to cut fails the open and closes the journal, not left to the garbage collector', async () => {
    const dataDir = await tempDir();
    const store = await ready({ dataDir });
    await store.transact((tx) => tx.put('producer', producerRecord()));
    await store.close();
    await appendFile(join(dataDir, JOURNAL_FILE), '{"n":2,"v":1,"sta');
    const disk = await refuseNext(join(dataDir, JOURNAL_FILE), 'truncate');
    await expect(openStore({ dataDir, foldWhenIdleMs: false })).rejects.toThrow('EIO');
    expect(disk.refused()?.fd).toBe(-1);
  });

  it('a journal file the disk cannot describe refuses the change and is closed', async () => {
    const dataDir = await tempDir();
    const store = await ready({ dataDir });
    const disk = await refuseNext(join(dataDir, JOURNAL_FILE), 'stat');
    await expect(store.transact((tx) => tx.put('producer', producerRecord()))).rejects.toMatchObject({ key: 'error.storeWrite' });
    expect(disk.refused()?.fd).toBe(-1);
  });
});

describe('property: random changes, a kill, a reopening', () => {
  it('the reopened folder (files + journal) holds exactly the state before the kill, whether killed idle or mid-fold', async () => {
    const distributions = [randomUUID(), randomUUID()];
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 20 }), fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }), async (operations, crashStep) => {
        const dataDir = await tempDir();
        const crash = crashAt(crashStep ?? 0);
        let armed = false;
        const store = await ready({ dataDir, writeHooks: { step: () => (armed ? crash.step() : undefined), beforeRename: () => (armed ? crash.step() : undefined) } });
        const producers = Array.from({ length: 4 }, () => producerRecord());
        for (const next of operations) {
          if (next.kind === 'fold') await store.fold();
          else if (next.kind === 'producer') await store.transact((tx) => tx.put('producer', { ...producers[next.which]!, name: next.name }));
          else if (next.kind === 'addSlot') await store.transact((tx) => tx.put('slot', slotRecord(distributions[next.distribution]!, next.start)));
          else {
            const slots = store.all('slot');
            const slot = slots[next.which % Math.max(slots.length, 1)];
            if (slot) await store.transact((tx) => tx.remove('slot', slot.id));
          }
        }
        const beforeKill = stateOf(store);
        if (crashStep !== undefined) {
          // Killed during a fold: a fold never changes what the folder holds, wherever it stops.
          armed = true;
          await Promise.race([crash.crashed, store.fold()]);
        }
        // Otherwise killed idle: the store is dropped without folding.
        expect(stateOf(await ready({ dataDir }))).toBe(beforeKill);
      }),
      { numRuns: 25 },
    );
  });
});

describe('what makes an acknowledged change durable', () => {
  /** The open flags of this process's descriptors on a file (Linux lists them in /proc). */
  async function openFlags(path: string): Promise<number[]> {
    const flags: number[] = [];
    for (const fd of await readdir('/proc/self/fd')) {
      const target = await readlink(`/proc/self/fd/${fd}`).catch(() => '');
      if (target !== path) continue;
      const info = await readFile(`/proc/self/fdinfo/${fd}`, 'utf8').catch(() => '');
      const octal = /^flags:\s+([0-7]+)$/m.exec(info)?.[1];
      if (octal) flags.push(Number.parseInt(octal, 8));
    }
    return flags;
  }

  it('writes the journal with synchronised data writes, so each line is on disk when its write returns', async () => {
    // Elsewhere (no O_DSYNC, no /proc) every append calls fdatasync itself; these machines run Linux.
    if (process.platform !== 'linux') return;
    const dataDir = await tempDir();
    const store = await ready({ dataDir });
    await store.transact((tx) => tx.put('producer', producerRecord()));
    const flags = await openFlags(await realpath(join(dataDir, JOURNAL_FILE)));
    expect(flags).not.toEqual([]);
    for (const flag of flags) expect(flag & constants.O_DSYNC).toBe(constants.O_DSYNC);
    await store.close();
  });
});
