import { describe, expect, it } from 'vitest';
import type { ExportedFile } from '../../shared/contract/standing-operations';
import type { MemberImportPlan } from '../../shared/members/import-plan';
import type { ProducerImportPlan } from '../../shared/producers/import-plan';
import { useTempDirs } from '../testing/temp-dir';
import { call, openApp, type TestApp } from '../testing/service-calls';

const tempDir = useTempDirs();

/** Records with what spreadsheets tend to damage: accents, € Œ ’ — « », line breaks, leading zeros, a time, a decimal distance. */
async function relay(): Promise<TestApp> {
  const app = await openApp(await tempDir());
  await call(app, 'producers.create', {
    name: 'Ferme de l’Œillet — « bio »',
    businessName: 'SPRL Œillet',
    contactName: 'François D’Hondt',
    email: 'ferme@example.be',
    phone: '0471 12 34 56',
    address: 'Rue du Moulin 3\n5000 Namur',
    distanceKm: 12.5,
    notes: 'Livre le vendredi.\nPaiement 30 € d’acompte ; « merci »',
  });
  await call(app, 'producers.create', { name: '=Formule ?' });
  await call(app, 'members.create', {
    name: 'Zoë SStraße',
    email: 'zoe@example.be',
    phone: '0032 471 00 00 01',
    notes: 'Allergie :\n— noix',
    preferredPickupTime: '17:45',
  });
  await call(app, 'members.create', { name: 'Anne Dupont' });
  const archived = await call<{ id: string }>(app, 'members.create', { name: 'Ancien membre' });
  await call(app, 'members.archive', { id: archived.id });
  return app;
}

const withoutStamps = ({ id: _id, createdAt: _created, updatedAt: _updated, ...rest }: Record<string, unknown>) => rest;

describe.each(['csv', 'xlsx'] as const)('producers and members exported as %s', (format) => {
  it('import back unchanged: the preview says every row is up to date', async () => {
    const app = await relay();
    const producers = await call<ExportedFile>(app, 'producers.export', { format });
    const members = await call<ExportedFile>(app, 'members.export', { format });
    expect(producers.fileName).toBe(`producteurs.${format}`);

    const producerPlan = await call<ProducerImportPlan>(app, 'producers.previewImport', { contentBase64: producers.contentBase64 });
    expect(producerPlan.counts).toEqual({ producersCreated: 0, producersUpdated: 0, producersUnchanged: 2, rowsWithIssues: 0 });
    const memberPlan = await call<MemberImportPlan>(app, 'members.previewImport', { contentBase64: members.contentBase64 });
    // The archived member is not in the file, so not brought back.
    expect(memberPlan.counts).toEqual({ membersCreated: 0, membersUpdated: 0, membersUnchanged: 2, rowsWithIssues: 0 });

    // Every field is in the file, not just left alone: imported into an empty folder, the same records come out.
    const fresh = await openApp(await tempDir());
    await call(fresh, 'producers.import', { contentBase64: producers.contentBase64 });
    await call(fresh, 'members.import', { contentBase64: members.contentBase64 });
    const fields = async (from: TestApp) => ({
      producers: (await call<Record<string, unknown>[]>(from, 'producers.list', {})).map(withoutStamps),
      members: (await call<Record<string, unknown>[]>(from, 'members.list', {})).map(withoutStamps),
    });
    expect(await fields(fresh)).toEqual(await fields(app));
    await fresh.close();
    await app.close();
  });
});
