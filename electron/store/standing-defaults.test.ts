import { describe, expect, it } from 'vitest';
import { standingOrderRecordSchema } from './entities';

describe('a standing order written before the series picker', () => {
  it('loads as repeating at every distribution until stopped', () => {
    const stored = {
      id: '0b5d7c1e-4c5e-4f1a-9a43-1d2f3e4a5b6c', memberId: '1c6e8d2f-5d6f-4a2b-8b54-2e3f4a5b6c7d', seriesId: null,
      lines: [{ productId: '2d7f9e3a-6e7a-4b3c-9c65-3f4a5b6c7d8e', quantity: 2 }],
      pausedAt: null, stoppedAt: null, createdAt: '2026-03-02T09:00:00.000Z', updatedAt: '2026-03-02T09:00:00.000Z',
    };
    expect(standingOrderRecordSchema.parse(stored)).toEqual({ ...stored, cadence: 'every', from: null, until: null });
  });
});
