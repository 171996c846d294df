import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { toFieldIssues } from '../contract/validation-issues';
import { producerDraftSchema, producerPatchSchema, producerSchema } from './producer';

/** What the organiser would be told, field by field. */
function issuesOf(schema: z.ZodType, input: unknown) {
  const parsed = schema.safeParse(input, { reportInput: true });
  return parsed.success ? [] : toFieldIssues(parsed.error).map(({ path, key }) => ({ path, key }));
}

describe('producer draft (producers.create)', () => {
  it('needs only a name and fills the other fields with empty values', () => {
    expect(producerDraftSchema.parse({ name: '  Ferme du Bois  ' })).toEqual({
      name: 'Ferme du Bois',
      businessName: '',
      contactName: '',
      email: '',
      phone: '',
      address: '',
      distanceKm: null,
      notes: '',
    });
  });

  it('accepts a complete producer', () => {
    const draft = {
      name: 'Les Jardins de Marie',
      businessName: 'SRL Jardins',
      contactName: 'Marie Lambert',
      email: 'marie@jardins.be',
      phone: '+32 (0)470 12.34.56',
      address: 'Rue du Moulin 3, 5000 Namur',
      distanceKm: 12.5,
      notes: 'Livre le jeudi',
    };
    expect(producerDraftSchema.parse(draft)).toEqual(draft);
  });

  it.each<[string, unknown, { path: string; key: string }]>([
    ['a missing name', {}, { path: 'name', key: 'validation.required' }],
    ['an empty name', { name: '' }, { path: 'name', key: 'validation.required' }],
    ['a whitespace name', { name: '   ' }, { path: 'name', key: 'validation.required' }],
    ['a number as name', { name: 42 }, { path: 'name', key: 'validation.type' }],
    ['a null name', { name: null }, { path: 'name', key: 'validation.type' }],
    ['a name too long', { name: 'x'.repeat(121) }, { path: 'name', key: 'validation.tooLong' }],
    ['a negative distance', { name: 'A', distanceKm: -1 }, { path: 'distanceKm', key: 'validation.notNegative' }],
    ['a huge distance', { name: 'A', distanceKm: 1e9 }, { path: 'distanceKm', key: 'validation.tooBig' }],
    ['a distance as text', { name: 'A', distanceKm: '12' }, { path: 'distanceKm', key: 'validation.number' }],
    ['an infinite distance', { name: 'A', distanceKm: Infinity }, { path: 'distanceKm', key: 'validation.number' }],
    ['an email without @', { name: 'A', email: 'x' }, { path: 'email', key: 'validation.email' }],
    ['an email without domain dot', { name: 'A', email: 'a@b' }, { path: 'email', key: 'validation.email' }],
    ['an email with a space', { name: 'A', email: 'a b@c.d' }, { path: 'email', key: 'validation.email' }],
    ['a phone with letters', { name: 'A', phone: 'call me' }, { path: 'phone', key: 'validation.phone' }],
    ['a phone number as a number', { name: 'A', phone: 470123456 }, { path: 'phone', key: 'validation.type' }],
    ['an unknown field', { name: 'A', website: 'x' }, { path: '', key: 'validation.unknownField' }],
    ['an id sent by the client', { name: 'A', id: '6f1c1b39-0f7f-4c0b-9d0e-1d2f3a4b5c6d' }, { path: '', key: 'validation.unknownField' }],
    ['archivedAt sent by the client', { name: 'A', archivedAt: null }, { path: '', key: 'validation.unknownField' }],
  ])('refuses %s', (_, input, issue) => {
    expect(issuesOf(producerDraftSchema, input)).toEqual([issue]);
  });

  it('accepts an empty email and phone (both optional)', () => {
    expect(issuesOf(producerDraftSchema, { name: 'A', email: '  ', phone: '' })).toEqual([]);
  });
});

describe('producer patch (producers.update)', () => {
  const id = '6f1c1b39-0f7f-4c0b-9d0e-1d2f3a4b5c6d';

  it('keeps only the named fields: no defaults that would blank the others', () => {
    expect(producerPatchSchema.parse({ id, changes: { phone: '0470' } })).toEqual({ id, changes: { phone: '0470' } });
  });

  it('refuses a bad id, a blank name and unknown fields', () => {
    expect(issuesOf(producerPatchSchema, { id: 'p1', changes: {} })).toEqual([{ path: 'id', key: 'validation.id' }]);
    expect(issuesOf(producerPatchSchema, { id, changes: { name: ' ' } })).toEqual([
      { path: 'changes.name', key: 'validation.required' },
    ]);
    expect(issuesOf(producerPatchSchema, { id, changes: { createdAt: '2026-01-01T00:00:00.000Z' } })).toEqual([
      { path: 'changes', key: 'validation.unknownField' },
    ]);
  });
});

describe('stored producer', () => {
  it('needs its timestamps as ISO instants', () => {
    const base = { ...producerDraftSchema.parse({ name: 'A' }), id: '6f1c1b39-0f7f-4c0b-9d0e-1d2f3a4b5c6d', archivedAt: null };
    expect(issuesOf(producerSchema, { ...base, createdAt: 'lundi', updatedAt: '2026-03-02T09:00:00.000Z' })).toEqual([
      { path: 'createdAt', key: 'validation.instant' },
    ]);
  });
});
