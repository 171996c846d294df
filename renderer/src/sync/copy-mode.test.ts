import { describe, expect, it } from 'vitest';
import { AREAS } from '../shell/areas';
import { areaOpen, defaultArea, ORGANISER_COPY, presetProducer } from './copy-mode';

const producerCopy = { role: 'producer' as const, producerId: 'p1', producerName: 'Ferme du Bois' };

describe('the areas of a copy', () => {
  it('are all open on an organiser’s copy', () => {
    expect(AREAS.filter((area) => !areaOpen(ORGANISER_COPY, area.id))).toEqual([]);
    // The organiser's home (issue 14): today's or the next distribution and what is left to do.
    expect(defaultArea(ORGANISER_COPY)).toBe('today');
    expect(presetProducer(ORGANISER_COPY)).toBeNull();
  });

  it('are the catalogue, the stock and the sync on a producer’s copy, which opens on its stock and its producer', () => {
    expect(AREAS.filter((area) => areaOpen(producerCopy, area.id)).map((area) => area.id)).toEqual(['catalogue', 'stock', 'sync', 'settings']);
    expect(defaultArea(producerCopy)).toBe('stock');
    expect(presetProducer(producerCopy)).toBe('p1');
    expect(presetProducer({ ...producerCopy, producerId: null })).toBeNull();
  });
});
