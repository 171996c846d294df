import { describe, expect, it } from 'vitest';
import type { ProducerImportPlan } from '../../shared/producers/import-plan';
import { snapshotFolder, useTempDirs } from '../testing/temp-dir';
import { byId, call, createProducer, openApp, refusal, reopened, type TestApp } from '../testing/service-calls';

const tempDir = useTempDirs();
const open = async () => openApp(await tempDir());
const base64 = (content: string) => Buffer.from(content).toString('base64');
const preview = (app: TestApp, content: string) => call<ProducerImportPlan>(app, 'producers.previewImport', { contentBase64: base64(content) });
const importFile = (app: TestApp, content: string) => call<ProducerImportPlan['counts']>(app, 'producers.import', { contentBase64: base64(content) });

describe('producers.import', () => {
  it('updates the producer already known under that name (whatever its apostrophe and accents), keeps what the file leaves empty, never duplicates', async () => {
    const app = await open();
    const known = await createProducer(app, "Le Verger d'Anais", { email: 'verger@example.be', businessName: 'SRL Verger' });
    const before = await snapshotFolder(app.dataDir);

    const file = 'Nom;Contact;E-mail;Distance (km);Remarques\nLe Verger d’Anaïs;Anaïs Œuvray;;23;"Bio\ndepuis 2019"\nLes Prés;;;;\n';
    const plan = await preview(app, file);
    expect(plan.rows.map((row) => [row.line, row.name, row.action])).toEqual([[2, 'Le Verger d’Anaïs', 'update'], [3, 'Les Prés', 'create']]);
    expect(await snapshotFolder(app.dataDir)).toEqual(before);

    expect(await importFile(app, file)).toEqual({ producersCreated: 1, producersUpdated: 1, producersUnchanged: 0, rowsWithIssues: 0 });
    const producers = byId((await reopened(app.dataDir)).all('producer'));
    expect(producers).toHaveLength(2);
    expect(producers.find((producer) => producer.id === known.id)).toMatchObject({
      name: 'Le Verger d’Anaïs', email: 'verger@example.be', businessName: 'SRL Verger', contactName: 'Anaïs Œuvray', distanceKm: 23, notes: 'Bio\ndepuis 2019',
    });
  });

  it('refuses a file without a name column once, by name, writing nothing', async () => {
    const app = await open();
    const before = await snapshotFolder(app.dataDir);
    expect(await refusal(app, 'producers.import', { contentBase64: base64('Contact;Téléphone\nMarie;0470 11 22 33\n') })).toEqual({
      key: 'import.missingColumn',
      params: { column: 'nom' },
    });
    expect((await preview(app, 'Contact;Téléphone\nMarie;0470 11 22 33\n')).rows).toEqual([]);
    expect(await snapshotFolder(app.dataDir)).toEqual(before);
  });
});
