/**
 * The print service between the contract and the adapter: it refuses a
 * missing distribution before any window opens, and names the file after the
 * sheet and the day, in the relay's language.
 */
import { describe, expect, it } from 'vitest';
import { printJobSchema, type InputOf } from '../../shared/contract/operations';
import { call, createProducer, openApp } from '../testing/service-calls';
import { useTempDirs } from '../testing/temp-dir';
import { printService, type PrintAdapter, type PrintRequest } from './print';

const tempDir = useTempDirs();

function recordingAdapter() {
  const requests: PrintRequest[] = [];
  const adapter: PrintAdapter = {
    available: () => ({ pdf: true, native: true }),
    pdf: async (request) => {
      requests.push(request);
      return { saved: true, path: request.fileName };
    },
    native: async (request) => {
      requests.push(request);
      return { printed: true };
    },
  };
  return { adapter, requests };
}

async function withDistribution() {
  const app = await openApp(await tempDir());
  const distribution = await call<{ id: string }>(app, 'distributions.create', { pickupDate: '2026-12-04', pickupStart: '17:00', pickupEnd: '19:00' });
  const { adapter, requests } = recordingAdapter();
  const service = printService(() => app.workspace.store, adapter);
  const pdf = (job: Omit<InputOf<'print.pdf'>, 'id'>) => service['print.pdf'](printJobSchema.parse({ ...job, id: distribution.id }));
  return { app, service, requests, pdf, id: distribution.id };
}

describe('print jobs', () => {
  it('name the file after the sheet and the pickup day, in the relay’s language', async () => {
    const { app, requests, pdf } = await withDistribution();
    await pdf({ view: 'catalogue' });
    await pdf({ view: 'pickup' });
    await pdf({ view: 'pickup', options: { layout: 'slips' } });
    await pdf({ view: 'pickup', options: { layout: 'items' } });
    await pdf({ view: 'delivery' });
    await pdf({ view: 'summary' });
    await call(app, 'relay.update', { language: 'en' });
    await pdf({ view: 'pickup', options: { layout: 'list' } });
    expect(requests.map((request) => request.fileName)).toEqual([
      'catalogue-2026-12-04.pdf',
      'emargement-2026-12-04.pdf',
      'fiches-panier-2026-12-04.pdf',
      'liste-articles-2026-12-04.pdf',
      'bons-de-livraison-2026-12-04.pdf',
      'recapitulatif-2026-12-04.pdf',
      'sign-in-sheet-2026-12-04.pdf',
    ]);
    expect(requests.at(-1)!.language).toBe('en');
  });

  it('name a member’s monthly statement after its month, and a producer’s statement after its month or its distribution’s day', async () => {
    const { app, service, requests, id } = await withDistribution();
    const member = await call<{ id: string }>(app, 'members.create', { name: 'Anne' });
    const farm = await createProducer(app, 'Ferme du Bois');
    const pdf = (job: unknown) => service['print.pdf'](printJobSchema.parse(job));
    await pdf({ view: 'statement', id: member.id, options: { month: '2026-03' } });
    await pdf({ view: 'producerStatement', id: farm.id, options: { month: '2026-03' } });
    await pdf({ view: 'producerStatement', id: farm.id, options: { distributionId: id } });
    expect(requests.map((request) => request.fileName)).toEqual(['releve-de-compte-2026-03.pdf', 'releve-2026-03.pdf', 'releve-2026-12-04.pdf']);
    await expect((async () => pdf({ view: 'producerStatement', id: farm.id, options: { distributionId: member.id } }))()).rejects.toMatchObject({ key: 'error.distributionNotFound' });
  });

  it('refuse a distribution that does not exist, before the adapter is asked', async () => {
    const { requests, service } = await withDistribution();
    const job = printJobSchema.parse({ view: 'delivery', id: '7f9c1c1e-0000-4000-8000-000000000000' });
    await expect((async () => service['print.native'](job))()).rejects.toMatchObject({ key: 'error.distributionNotFound' });
    expect(requests).toEqual([]);
  });

  it('accept only the known sheets and layouts', () => {
    const id = '7f9c1c1e-0000-4000-8000-000000000000';
    expect(printJobSchema.safeParse({ view: 'poster', id }).success).toBe(false);
    expect(printJobSchema.safeParse({ view: 'producerStatement', id, options: { month: '2026-13' } }).success).toBe(false);
    expect(printJobSchema.safeParse({ view: 'pickup', id, options: { layout: 'poster' } }).success).toBe(false);
    expect(printJobSchema.parse({ view: 'summary', id })).toEqual({ view: 'summary', id, options: { groupBy: 'producer' } });
  });
});
