import { describe, expect, it } from 'vitest';
import type { Producer } from '../model/producer';
import { filterProducers, isArchived, sameNameProducers } from './rules';

let next = 0;
function producer(fields: Partial<Producer>): Producer {
  next += 1;
  return {
    id: `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`,
    name: 'Sans nom',
    businessName: '',
    contactName: '',
    email: '',
    phone: '',
    address: '',
    distanceKm: null,
    notes: '',
    archivedAt: null,
    createdAt: '2026-03-02T09:00:00.000Z',
    updatedAt: '2026-03-02T09:00:00.000Z',
    ...fields,
  };
}

const eglantier = producer({ name: 'Ferme de l’Églantier', contactName: 'Jean-Noël Dupont', email: 'jn@eglantier.be' });
const pres = producer({ name: 'Les Prés Fleuris', businessName: 'GAEC du Val', phone: '+32 470 12 34 56' });
const old = producer({ name: 'Boulangerie Ancienne', archivedAt: '2026-01-10T10:00:00.000Z', notes: 'eglantier' });
const all = [pres, old, eglantier];
const names = (list: Producer[]) => list.map((p) => p.name);

describe('filterProducers', () => {
  it('shows active producers by default, sorted by name', () => {
    expect(names(filterProducers(all, { archived: 'active' }))).toEqual(['Ferme de l’Églantier', 'Les Prés Fleuris']);
  });

  it('filters by archived state', () => {
    expect(names(filterProducers(all, { archived: 'archived' }))).toEqual(['Boulangerie Ancienne']);
    expect(names(filterProducers(all, { archived: 'all' }))).toEqual([
      'Boulangerie Ancienne',
      'Ferme de l’Églantier',
      'Les Prés Fleuris',
    ]);
  });

  it('finds "Églantier" by typing "eglantier"', () => {
    expect(names(filterProducers(all, { query: 'eglantier', archived: 'active' }))).toEqual(['Ferme de l’Églantier']);
  });

  it('searches the name, business name, contact, email and phone', () => {
    const find = (query: string) => names(filterProducers(all, { query, archived: 'all' }));
    expect(find('fleuris')).toEqual(['Les Prés Fleuris']);
    expect(find('gaec val')).toEqual(['Les Prés Fleuris']);
    expect(find('noel')).toEqual(['Ferme de l’Églantier']);
    expect(find('jn@eglantier')).toEqual(['Ferme de l’Églantier']);
    expect(find('470 12')).toEqual(['Les Prés Fleuris']);
    expect(find('tomates')).toEqual([]);
  });

  it('does not search the notes', () => {
    // "eglantier" is in the archived bakery's notes only: it must not come up.
    expect(names(filterProducers(all, { query: 'eglantier', archived: 'archived' }))).toEqual([]);
  });
});

describe('sameNameProducers', () => {
  it('finds producers whose name is the same once accents, case and spaces are folded', () => {
    expect(sameNameProducers(all, '  ferme de l’EGLANTIER ')).toEqual([eglantier]);
  });

  it('ignores the producer itself, so editing a producer does not warn about itself', () => {
    expect(sameNameProducers(all, eglantier.name, eglantier.id)).toEqual([]);
  });

  it('finds nothing for an empty name', () => {
    expect(sameNameProducers([producer({ name: ' ' })], '   ')).toEqual([]);
  });
});

describe('isArchived', () => {
  it('is true only when archivedAt is set', () => {
    expect(isArchived(old)).toBe(true);
    expect(isArchived(pres)).toBe(false);
  });
});
