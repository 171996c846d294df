import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { DEFAULT_RELAY_SETTINGS, type RelaySettings } from '../../shared/model/relay';
import type { Distribution, Offer } from '../../shared/model/distribution';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../shared/contract/errors';
import type { ChangeRecord } from '../../shared/model/change';
import { parseTimestamp } from '../../shared/sync/hlc';
import { envelope, manualClock, producerRecord, writeDataFile } from '../testing/fixtures';
import { readJson, snapshotFolder, useTempDirs } from '../testing/temp-dir';
import { call, openApp } from '../testing/service-calls';
import { openStore, type Store, type StoreOptions } from './store';
import { FORMAT_VERSION } from './envelope';

const tempDir = useTempDirs();

async function ready(options: StoreOptions): Promise<Store> {
  const opened = await openStore(options);
  if (opened.state !== 'ready') throw new Error(`expected a ready store, got ${JSON.stringify(opened.problem)}`);
  return opened.store;
}

async function producersOnDisk(dataDir: string): Promise<unknown[]> {
  const file = (await readJson(join(dataDir, 'producers.json'))) as { records: { producer: unknown[] } };
  return file.records.producer;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

describe('opening a data folder', () => {
  it('starts empty and ready in a new folder', async () => {
    const dataDir = join(await tempDir(), 'new', 'folder');
    const store = await ready({ dataDir });
    expect(store.all('producer')).toEqual([]);
    expect(store.deviceId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps the same device id across reopenings', async () => {
    const dataDir = await tempDir();
    const first = await ready({ dataDir });
    const second = await ready({ dataDir });
    expect(second.deviceId).toBe(first.deviceId);
  });

  it('ignores a stale temp file of an interrupted write and loads the last good state', async () => {
    const dataDir = await tempDir();
    const good = producerRecord({ name: 'Ferme du Bois' });
    await writeDataFile(dataDir, 'producers.json', envelope({ producer: [good] }));
    await writeFile(join(dataDir, 'producers.json.3fa9c2d41b7e.tmp'), '{"format":"cabas","version":1,"rec');
    const store = await ready({ dataDir });
    expect(store.all('producer')).toEqual([good]);
  });
});

describe('committing a change', () => {
  it('has the change in the journal by the time the promise resolves: a reopening sees it before any fold', async () => {
    const dataDir = await tempDir();
    const store = await ready({ dataDir, foldWhenIdleMs: false });
    const first = producerRecord({ name: 'Ferme du Bois' });
    await store.transact((tx) => tx.put('producer', first));
    await store.fold();
    const producer = producerRecord({ name: 'Les Jardins de Marie', distanceKm: 12.5 });
    await store.transact((tx) => tx.put('producer', producer));
    // Read straight after the await: the promise is the acknowledgement that the change is durable.
    expect(await readFile(join(dataDir, 'journal.jsonl'), 'utf8')).toContain(producer.id);
    expect(await producersOnDisk(dataDir)).toEqual([first]);

    const reopened = await ready({ dataDir, foldWhenIdleMs: false });
    expect(reopened.all('producer').sort(byName)).toEqual([first, producer]);
    expect(reopened.get('producer', producer.id)).toEqual(producer);
    // Opening wrote nothing; closing folds what it replayed: the data file is complete and the journal empty.
    expect(await producersOnDisk(dataDir)).toEqual([first]);
    await reopened.close();
    expect(((await producersOnDisk(dataDir)) as { name: string }[]).sort(byName)).toEqual([first, producer]);
    expect(await readFile(join(dataDir, 'journal.jsonl'), 'utf8')).toBe('');
  });

  it('a failed append leaves the journal and memory as they were and reports error.storeWrite; the store still works', async () => {
    const dataDir = await tempDir();
    let crash = false;
    const store = await ready({
      dataDir,
      foldWhenIdleMs: false,
      writeHooks: {
        step: (step) => {
          if (crash && step === 'journal.sync') throw new Error('power cut');
        },
      },
    });
    const first = producerRecord({ name: 'Ferme A' });
    await store.transact((tx) => tx.put('producer', first));
    const before = await snapshotFolder(dataDir);
    const heard: ChangeRecord[][] = [];
    store.onChange((changes) => heard.push([...changes]));

    crash = true;
    const failed = store.transact((tx) => tx.put('producer', { ...first, name: 'Ferme A renamed' }));
    await expect(failed).rejects.toBeInstanceOf(UserError);
    await expect(failed).rejects.toMatchObject({ key: 'error.storeWrite', params: { detail: 'power cut' } });

    // The line was written before the flush failed: it is taken back, never replayed.
    expect(await snapshotFolder(dataDir)).toEqual(before);
    expect(store.all('producer')).toEqual([first]);
    expect(heard).toEqual([]);

    crash = false;
    const reopened = await ready({ dataDir, foldWhenIdleMs: false });
    expect(reopened.all('producer')).toEqual([first]);
    await store.transact((tx) => tx.put('producer', { ...first, name: 'Ferme A bis' }));
    expect((await ready({ dataDir })).all('producer')).toEqual([{ ...first, name: 'Ferme A bis' }]);
  });

  it('a crash between fsync and rename while folding keeps the previous file and the journal; nothing acknowledged is lost', async () => {
    const dataDir = await tempDir();
    let crash = false;
    const store = await ready({
      dataDir,
      foldWhenIdleMs: false,
      writeHooks: {
        beforeRename: () => {
          if (crash) throw new Error('power cut');
        },
      },
    });
    const first = producerRecord({ name: 'Ferme A' });
    await store.transact((tx) => tx.put('producer', first));
    await store.fold();
    const before = await readFile(join(dataDir, 'producers.json'), 'utf8');
    await store.transact((tx) => tx.put('producer', { ...first, name: 'Ferme A renamed' }));

    crash = true;
    await expect(store.fold()).rejects.toThrow('power cut');
    expect(await readFile(join(dataDir, 'producers.json'), 'utf8')).toBe(before);
    expect((await readdir(dataDir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect((await ready({ dataDir, foldWhenIdleMs: false })).all('producer')).toEqual([{ ...first, name: 'Ferme A renamed' }]);

    // The file stays due: the next fold writes it.
    crash = false;
    await store.fold();
    expect(await producersOnDisk(dataDir)).toEqual([{ ...first, name: 'Ferme A renamed' }]);
  });

  it('changes nothing when the work throws', async () => {
    const dataDir = await tempDir();
    const store = await ready({ dataDir });
    const failed = store.transact((tx) => {
      tx.put('producer', producerRecord());
      throw new UserError('error.producerNotFound');
    });
    await expect(failed).rejects.toMatchObject({ key: 'error.producerNotFound' });
    expect(store.all('producer')).toEqual([]);
    expect(await readdir(dataDir)).not.toContain('producers.json');
  });

  it('refuses a record that breaks its schema before anything reaches the disk', async () => {
    const dataDir = await tempDir();
    const store = await ready({ dataDir });
    await expect(store.transact((tx) => tx.put('producer', producerRecord({ distanceKm: -3 })))).rejects.toThrow();
    expect(store.all('producer')).toEqual([]);
    expect(await readdir(dataDir)).not.toContain('producers.json');
  });

  it('rewrites only the file of the changed entity', async () => {
    const dataDir = await tempDir();
    const written: string[] = [];
    const store = await ready({ dataDir, foldWhenIdleMs: false, writeHooks: { beforeRename: (temp) => void written.push(temp) } });
    await store.transact((tx) => tx.put('producer', producerRecord()));
    await store.fold();
    written.length = 0;
    await store.transact((tx) =>
      tx.put('relay', { ...DEFAULT_RELAY_SETTINGS, id: 'relay', name: 'Relais de la Gare' }),
    );
    await store.fold();
    expect(written.map((temp) => temp.slice(dataDir.length + 1).replace(/\.[0-9a-f]{12}\.tmp$/, ''))).toEqual(['relay.json']);
  });
});

describe('change records (store.onChange)', () => {
  it('emits one record per changed entity with only the changed fields, an increasing clock and the device id', async () => {
    const dataDir = await tempDir();
    const clock = manualClock(new Date('2026-03-02T09:00:00.000Z'));
    const store = await ready({ dataDir, now: clock.now });
    const heard: ChangeRecord[][] = [];
    store.onChange((changes) => heard.push([...changes]));

    const a = producerRecord({ name: 'A' });
    const b = producerRecord({ name: 'B' });
    await store.transact((tx) => {
      tx.put('producer', a);
      tx.put('producer', b);
    });
    expect(heard).toHaveLength(1);
    expect(heard[0]!.map((change) => change.entityId).sort()).toEqual([a.id, b.id].sort());
    for (const change of heard[0]!) {
      expect(change.entity).toBe('producer');
      expect(change.device).toBe(store.deviceId);
      // A new record: every field is part of the change.
      expect(Object.keys(change.fields).sort()).toEqual(Object.keys(a).sort());
    }

    // The wall clock even goes backwards: timestamps must still increase.
    clock.advance(-60_000);
    await store.transact((tx) => tx.put('producer', { ...a, phone: '+32 470 12 34 56', updatedAt: '2026-03-02T09:05:00.000Z' }));
    expect(heard).toHaveLength(2);
    expect(heard[1]).toEqual([
      {
        at: expect.any(String),
        device: store.deviceId,
        entity: 'producer',
        entityId: a.id,
        fields: { phone: '+32 470 12 34 56', updatedAt: '2026-03-02T09:05:00.000Z' },
      },
    ]);

    const stamps = heard.flat().map((change) => change.at);
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
    for (const at of stamps) expect(parseTimestamp(at).device).toBe(store.deviceId);
  });

  it('a transaction that changes nothing emits nothing and writes no file', async () => {
    const dataDir = await tempDir();
    let renames = 0;
    const store = await ready({ dataDir, writeHooks: { beforeRename: () => void renames++ } });
    const a = producerRecord();
    await store.transact((tx) => tx.put('producer', a));
    await store.fold();
    expect(renames).toBe(1);
    const before = await snapshotFolder(dataDir);
    const heard: ChangeRecord[][] = [];
    store.onChange((changes) => heard.push([...changes]));

    const result = await store.transact((tx) => {
      tx.put('producer', { ...a });
      return 'same';
    });
    await store.transact(() => 'nothing staged');

    expect(result).toBe('same');
    expect(heard).toEqual([]);
    expect(renames).toBe(1);
    expect(await snapshotFolder(dataDir)).toEqual(before);
  });

  it('stops calling a listener once it unsubscribes', async () => {
    const store = await ready({ dataDir: await tempDir() });
    let calls = 0;
    const unsubscribe = store.onChange(() => void calls++);
    await store.transact((tx) => tx.put('producer', producerRecord()));
    unsubscribe();
    await store.transact((tx) => tx.put('producer', producerRecord()));
    expect(calls).toBe(1);
  });
});

describe('removing a record without history (a pickup slot)', () => {
  it('takes it out of its file and of memory, says so in one change record, and a reopening no longer finds it', async () => {
    const dataDir = await tempDir();
    const store = await ready({ dataDir });
    const distributionId = randomUUID();
    const at = '2026-03-02T09:00:00.000Z';
    const slot = (start: string, end: string) => ({ id: randomUUID(), distributionId, start, end, capacity: 8, createdAt: at, updatedAt: at });
    const [kept, dropped] = [slot('17:00', '17:30'), slot('17:30', '18:00')];
    await store.transact((tx) => {
      tx.put('slot', kept);
      tx.put('slot', dropped);
    });
    const heard: ChangeRecord[][] = [];
    store.onChange((changes) => heard.push([...changes]));

    await store.transact((tx) => {
      tx.remove('slot', dropped.id);
      // Inside the transaction it is already gone.
      expect(tx.get('slot', dropped.id)).toBeUndefined();
      expect(tx.inFile('slot', `distributions/${distributionId}.json`)).toEqual([kept]);
    });
    expect(store.get('slot', dropped.id)).toBeUndefined();
    expect(store.inFile('slot', `distributions/${distributionId}.json`)).toEqual([kept]);
    expect(heard).toEqual([[expect.objectContaining({ entity: 'slot', entityId: dropped.id, fields: {}, removed: true })]]);
    expect((await ready({ dataDir, foldWhenIdleMs: false })).all('slot')).toEqual([kept]);
    await store.fold();
    const file = (await readJson(join(dataDir, 'distributions', `${distributionId}.json`))) as { records: { slot: unknown[] } };
    expect(file.records.slot).toEqual([kept]);
    expect((await ready({ dataDir })).all('slot')).toEqual([kept]);

    // Made and removed in one transaction: nothing to write, nothing to say.
    await store.transact((tx) => {
      const brief = tx.put('slot', slot('18:00', '18:30'));
      tx.remove('slot', brief.id);
    });
    expect(heard).toHaveLength(1);
  });
});

describe('concurrent transactions', () => {
  it('runs them one at a time: 50 concurrent creations are all persisted', async () => {
    const dataDir = await tempDir();
    const store = await ready({ dataDir });
    const records = Array.from({ length: 50 }, (_, i) => producerRecord({ name: `Producteur ${String(i).padStart(2, '0')}` }));
    await Promise.all(records.map((record) => store.transact((tx) => tx.put('producer', record))));
    expect(store.all('producer').sort(byName)).toEqual(records);
    expect((await ready({ dataDir, foldWhenIdleMs: false })).all('producer').sort(byName)).toEqual(records);
    await store.fold();
    expect(((await producersOnDisk(dataDir)) as { name: string }[]).sort(byName)).toEqual(records);
  });

  it('a rule checked inside a transaction still holds when the next one runs (no lost update)', async () => {
    const dataDir = await tempDir();
    const store = await ready({ dataDir });
    const counter = producerRecord({ notes: '0' });
    await store.transact((tx) => tx.put('producer', counter));
    // Each increment reads, yields to the event loop, then writes: unserialised, most would be lost.
    const increment = () =>
      store.transact(async (tx) => {
        const current = Number(tx.get('producer', counter.id)!.notes);
        await new Promise((resolve) => setTimeout(resolve, 0));
        tx.put('producer', { ...tx.get('producer', counter.id)!, notes: String(current + 1) });
      });
    await Promise.all(Array.from({ length: 20 }, increment));
    expect(store.get('producer', counter.id)!.notes).toBe('20');
    expect(((await ready({ dataDir })).get('producer', counter.id))!.notes).toBe('20');
  });

  it('a failing transaction does not block the ones queued after it', async () => {
    const store = await ready({ dataDir: await tempDir() });
    const failing = store.transact(() => {
      throw new Error('boom');
    });
    const next = store.transact((tx) => tx.put('producer', producerRecord({ name: 'after' })));
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toMatchObject({ name: 'after' });
  });
});

describe('a damaged data file', () => {
  const good = producerRecord({ name: 'Ferme du Bois' });
  const goodText = envelope({ producer: [good] });

  const damages: { name: string; contents: string; reason: string }[] = [
    { name: 'truncated JSON', contents: goodText.slice(0, Math.floor(goodText.length / 2)), reason: 'invalidJson' },
    { name: 'an empty file', contents: '', reason: 'invalidJson' },
    { name: 'invalid JSON', contents: '{"format":"cabas",,}', reason: 'invalidJson' },
    { name: 'a negative distance', contents: envelope({ producer: [{ ...good, distanceKm: -1 }] }), reason: 'schema' },
    {
      name: 'a producer without a name',
      contents: envelope({ producer: [Object.fromEntries(Object.entries(good).filter(([key]) => key !== 'name'))] }),
      reason: 'schema',
    },
    { name: 'an unknown kind of record', contents: envelope({ tractor: [{ id: 'x' }] }), reason: 'schema' },
    { name: 'not a Cabas file', contents: JSON.stringify({ hello: 'world' }), reason: 'schema' },
    { name: 'a newer format version', contents: envelope({ producer: [good] }, 99), reason: 'newerVersion' },
    {
      // A newer Cabas may lay its records out differently: it must still read as "update Cabas", not as damage.
      name: 'a newer format version with another layout',
      contents: JSON.stringify({ format: 'cabas', version: FORMAT_VERSION + 1, records: { producer: { byId: {} } } }),
      reason: 'newerVersion',
    },
  ];

  for (const damage of damages) {
    it(`${damage.name} → recovery naming the file (${damage.reason}), and its bytes are left untouched`, async () => {
      const dataDir = await tempDir();
      await writeDataFile(dataDir, 'relay.json', envelope({}));
      await writeDataFile(dataDir, 'producers.json', damage.contents);
      const before = await snapshotFolder(dataDir);

      const opened = await openStore({ dataDir });

      expect(opened.state).toBe('recovery');
      if (opened.state !== 'recovery') return;
      expect(opened.problem.file).toBe('producers.json');
      expect(opened.problem.reason).toBe(damage.reason);
      expect(opened.problem.detail).not.toBe('');
      // Nothing written: no device file, no backup of the damaged state, no repair.
      expect(await snapshotFolder(dataDir)).toEqual(before);
    });
  }

  it('names a damaged file in a sub-folder by its relative path', async () => {
    const dataDir = await tempDir();
    const file = 'distributions/0b7f6f0e-6c1a-4d8e-9a51-3c2b7d9e1f00.json';
    await writeDataFile(dataDir, file, '{');
    const opened = await openStore({ dataDir });
    expect(opened).toMatchObject({ state: 'recovery', problem: { file, reason: 'invalidJson' } });
  });
});

describe('one file per distribution (the file index)', () => {
  const at = '2026-03-02T09:00:00.000Z';
  const distributionRecord = (pickupDate: string): Distribution => ({
    id: randomUUID(), pickupDate, pickupStart: '17:00', pickupEnd: '19:00',
    opensAt: '2026-03-01T08:00:00.000Z', closesAt: '2026-03-05T22:59:00.000Z', closedEarlyAt: null, cancelledAt: null,
    seriesId: null, notes: '', rates: null, rateChanges: [], settledAt: null, createdAt: at, updatedAt: at,
  });
  const offerRecord = (distributionId: string, productId: string, quantity: number | null): Offer => ({
    id: randomUUID(), distributionId, productId, quantity, priceCents: null, withdrawnAt: null, updatedAt: at,
  });
  const relative = (dataDir: string, temp: string) => temp.slice(dataDir.length + 1).split('\\').join('/').replace(/\.[0-9a-f]{12}\.tmp$/, '');

  type FileRecords = { records: { distribution?: { id: string }[]; offer?: Offer[] } };

  it('after many offer changes across distributions, each write touches only its distribution’s file, which holds exactly its own records', async () => {
    const step = fc.record({
      distribution: fc.nat({ max: 2 }),
      product: fc.nat({ max: 3 }),
      quantity: fc.option(fc.nat({ max: 50 }), { nil: null }),
      alsoIn: fc.option(fc.nat({ max: 2 }), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 20 }), async (steps) => {
        const dataDir = await tempDir();
        const written: string[] = [];
        const store = await ready({ dataDir, foldWhenIdleMs: false, writeHooks: { beforeRename: (temp) => void written.push(relative(dataDir, temp)) } });
        const distributions = ['2026-03-06', '2026-03-13', '2026-03-20'].map(distributionRecord);
        const products = Array.from({ length: 4 }, () => randomUUID());
        await store.transact((tx) => distributions.forEach((d) => tx.put('distribution', d)));
        await store.fold();

        for (const { distribution, product, quantity, alsoIn } of steps) {
          written.length = 0;
          const find = (d: number) =>
            store.all('offer').find((offer) => offer.distributionId === distributions[d]!.id && offer.productId === products[product]);
          const touched = new Set([distribution, ...(alsoIn === undefined ? [] : [alsoIn])]);
          const changed = [...touched].filter((d) => find(d)?.quantity !== quantity);
          await store.transact((tx) => {
            for (const d of touched) {
              const current = find(d);
              tx.put('offer', current ? { ...current, quantity } : offerRecord(distributions[d]!.id, products[product]!, quantity));
            }
          });
          await store.fold();
          // Exactly the files of the distributions whose offers changed; a change to nothing writes nothing.
          expect(written.sort()).toEqual(changed.map((d) => `distributions/${distributions[d]!.id}.json`).sort());
        }

        for (const distribution of distributions) {
          const file = (await readJson(join(dataDir, 'distributions', `${distribution.id}.json`))) as FileRecords;
          expect(file.records.distribution).toEqual([distribution]);
          const own = store.all('offer').filter((offer) => offer.distributionId === distribution.id);
          expect(byIdOf(file.records.offer ?? [])).toEqual(byIdOf(own));
        }
        const again = await ready({ dataDir });
        expect(byIdOf(again.all('offer'))).toEqual(byIdOf(store.all('offer')));
        expect(byIdOf(again.all('distribution'))).toEqual(byIdOf(distributions));
      }),
      { numRuns: 8 },
    );
  });
});

describe('a relay file from before the catalogue settings', () => {
  const oldRelay = {
    id: 'relay', name: 'Relais de la Gare', address: 'Rue de la Gare 1', country: 'FR', currency: 'EUR', language: 'fr',
    hostCommissionBp: 900, serviceFeeBp: 1100, timeZone: 'Europe/Paris',
  };

  it('still opens, with the default categories, ordering window and usual pickup', async () => {
    const dataDir = await tempDir();
    await writeDataFile(dataDir, 'relay.json', envelope({ relay: [oldRelay] }));
    const store = await ready({ dataDir });
    expect(store.get('relay', 'relay')).toEqual({
      ...oldRelay,
      categories: DEFAULT_RELAY_SETTINGS.categories,
      orderingWindow: DEFAULT_RELAY_SETTINGS.orderingWindow,
      defaultPickup: DEFAULT_RELAY_SETTINGS.defaultPickup,
      debitOrdersOn: DEFAULT_RELAY_SETTINGS.debitOrdersOn,
      feeVatBp: DEFAULT_RELAY_SETTINGS.feeVatBp,
      reminderHours: DEFAULT_RELAY_SETTINGS.reminderHours,
      mailSender: DEFAULT_RELAY_SETTINGS.mailSender,
      shopDatabase: DEFAULT_RELAY_SETTINGS.shopDatabase,
    });
  });

  it('relay.update of one field keeps the other settings and never blanks the categories', async () => {
    const dataDir = await tempDir();
    await writeDataFile(dataDir, 'relay.json', envelope({ relay: [oldRelay] }));
    const app = await openApp(dataDir);
    const saved = await call<RelaySettings>(app, 'relay.update', { name: 'Relais du Marché' });
    expect(saved).toMatchObject({ name: 'Relais du Marché', country: 'FR', hostCommissionBp: 900, categories: DEFAULT_RELAY_SETTINGS.categories });

    await call(app, 'relay.update', { categories: ['légumes', 'fromages'] });
    await call(app, 'relay.update', { hostCommissionBp: 850 });
    await app.workspace.store.fold();
    const onDisk = (await readJson(join(dataDir, 'relay.json'))) as { records: { relay: RelaySettings[] } };
    expect(onDisk.records.relay[0]).toMatchObject({ name: 'Relais du Marché', hostCommissionBp: 850, categories: ['légumes', 'fromages'], timeZone: 'Europe/Paris' });
    expect((await ready({ dataDir })).get('relay', 'relay')?.categories).toEqual(['légumes', 'fromages']);
  });
});

const byIdOf = <T extends { id: string }>(records: readonly T[]) => [...records].sort((a, b) => a.id.localeCompare(b.id));
