import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChangeRecord } from '../model/change';
import { canonicalJson } from './canonical';
import { batchSchema, checksumOf, createBatch, fitsBatchSchema, parseBatch, serialiseBatch, signedText, SYNC_VERSION, type SyncBatch } from './envelope';
import { HybridClock } from './hlc';

const T0 = Date.UTC(2026, 10, 26, 10, 0, 0);
const clock = new HybridClock('laptop-a', () => T0);
const changes: ChangeRecord[] = [
  { at: clock.tick(), device: 'laptop-a', entity: 'product', entityId: 'carrots', fields: { id: 'carrots', name: 'Carottes', unit: 'kg' } },
  { at: clock.tick(), device: 'laptop-a', entity: 'offer', entityId: 'o-1', fields: { quantity: 12, note: 'été — « bio »' } },
  { at: clock.tick(), device: 'laptop-a', entity: 'slot', entityId: 'slot-9', fields: {}, removed: true },
];
const text = serialiseBatch(createBatch('laptop-a', 3, changes));

function withBatch(edit: (batch: Record<string, unknown>) => void): string {
  const batch = JSON.parse(text) as Record<string, unknown>;
  edit(batch);
  return `${JSON.stringify(batch)}\n`;
}

describe('parseBatch', () => {
  it('reads back what serialiseBatch wrote', () => {
    expect(parseBatch(text)).toEqual({ ok: true, batch: { format: 'cabas-sync', version: SYNC_VERSION, device: 'laptop-a', seq: 3, changes, checksum: checksumOf(changes) }, refused: [], signed: expect.any(Function), signedBytes: expect.any(Uint8Array) });
  });

  it('waits for a half-written file: every truncation is incomplete, never a batch', () => {
    for (let length = 0; length < text.length - 1; length++) {
      expect(parseBatch(text.slice(0, length)), `cut at ${length}`).toMatchObject({ ok: false, error: 'incomplete' });
    }
  });

  it('accepts the file whose final newline has not arrived yet, the checksum vouches for it', () => {
    expect(parseBatch(text.slice(0, -1)).ok).toBe(true);
  });

  it('waits for a file whose changes do not match the checksum (copied out of order, or a zero-filled tail)', () => {
    const altered = withBatch((batch) => ((batch.changes as ChangeRecord[])[1]!.fields.quantity = 13));
    expect(parseBatch(altered)).toMatchObject({ ok: false, error: 'incomplete' });
    expect(parseBatch(text.slice(0, 40) + '\0'.repeat(text.length - 40))).toMatchObject({ ok: false, error: 'incomplete' });
  });

  it('refuses a file from a newer format with a message, whatever else it holds', () => {
    const newer = `${JSON.stringify({ format: 'cabas-sync', version: SYNC_VERSION + 1, pages: ['unknown shape'] })}\n`;
    const result = parseBatch(newer);
    expect(result).toMatchObject({ ok: false, error: 'newerFormat', version: 3, supported: 2 });
    expect(result.ok === false && result.message).toMatch(/newer version of Cabas.*format 3.*up to 2/);
  });

  it('skips complete files that are not valid batches', () => {
    const cases = [
      'not json at all\n',
      '{"format":"something-else","version":1}\n',
      '{"format":"cabas-sync","version":0}\n',
      withBatch((batch) => delete batch.seq),
      withBatch((batch) => (batch.extra = true)),
      withBatch((batch) => (batch.changes as ChangeRecord[]).push({ ...changes[0]!, entity: 'basket' as never })),
    ];
    for (const invalid of cases) expect(parseBatch(invalid), invalid).toMatchObject({ ok: false, error: 'invalid' });
  });

  it('refuses, on its own, a change whose timestamp is impossible or not made by its own device (merge relies on it)', () => {
    const forged = { ...changes[0]!, device: 'laptop-b' };
    const garbled = { ...changes[1]!, at: 'yesterday' };
    const impossible = { ...changes[1]!, at: '2200-13-45T99:99:99.999Z-0000-laptop-a' };
    const result = parseBatch(serialiseBatch(createBatch('laptop-a', 1, [forged, garbled, changes[2]!, impossible])));
    expect(result).toMatchObject({ ok: true, batch: { changes: [changes[2]] } });
    expect(result.ok && result.refused).toEqual([forged, garbled, impossible].map((change) => ({ change, reason: 'badTimestamp' })));
  });

  it('keeps a "__proto__" field as data, with a matching checksum', () => {
    const odd: ChangeRecord[] = [{ ...changes[1]!, fields: JSON.parse('{"__proto__":{"polluted":true}}') as Record<string, unknown> }];
    const result = parseBatch(serialiseBatch(createBatch('laptop-a', 1, odd)));
    expect(result.ok).toBe(true);
    expect(result.ok && Object.keys(result.batch.changes[0]!.fields)).toEqual(['__proto__']);
  });
});

describe('signedText', () => {
  // It reuses the changes' canonical text computed for the checksum: it must stay the canonical JSON of the whole batch, or every signature breaks.
  it('is the canonical JSON of the batch without its signature, whether parsed, built or signed', () => {
    const built = createBatch('laptop-a', 3, changes);
    const expected = canonicalJson({ format: built.format, version: built.version, device: 'laptop-a', seq: 3, changes, checksum: built.checksum });
    expect(signedText(built)).toBe(expected);
    expect(signedText({ ...built, signature: 'c2lnbmF0dXJl' })).toBe(expected);
    const parsed = parseBatch(text);
    expect(parsed.ok && parsed.signed()).toBe(expected);
    // Taken from the file's own text of the changes, encoded once for the checksum and the signature: the same bytes.
    expect(parsed.ok && new TextDecoder().decode(parsed.signedBytes)).toBe(expected);
    // A file laid out otherwise (an older version's order of keys) is read the long way, to the same text.
    const reordered = parseBatch(`${JSON.stringify({ ...built, changes: changes.map((change) => Object.fromEntries(Object.entries(change).reverse())) })}\n`);
    expect(reordered.ok && reordered.signedBytes).toBeUndefined();
    expect(reordered.ok && reordered.signed()).toBe(expected);
    const empty = createBatch('laptop-a', 0, []);
    expect(signedText(empty)).toBe(canonicalJson({ ...empty }));
    expect(signedText({ ...empty, aardvark: 1 } as SyncBatch)).toBe(canonicalJson({ ...empty, aardvark: 1 }));
  });
});

describe('fitsBatchSchema', () => {
  // The hand-written check that spares zod on large snapshots must never take what the schema refuses.
  it('accepts only what the batch schema accepts, and a well-formed batch (property)', () => {
    // A well-formed batch with one or two fields, of the batch or of a change, replaced, removed or added.
    const anyValue = fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.constant(''), fc.constant(-1), fc.constant(1.5), fc.constant(SYNC_VERSION + 1), fc.constant([]), fc.constant('x'.repeat(201)));
    const edits = (keys: string[]) => fc.dictionary(fc.constantFrom(...keys), anyValue, { maxKeys: 2 });
    let accepted = 0;
    fc.assert(
      fc.property(edits(['format', 'version', 'device', 'seq', 'changes', 'checksum', 'signature', 'extra']), edits(['at', 'device', 'entity', 'entityId', 'fields', 'removed', 'extra']), (batchEdits, changeEdits) => {
        const data = JSON.parse(text) as { changes: Record<string, unknown>[] };
        data.changes[1] = { ...data.changes[1], ...changeEdits };
        const parsed = JSON.parse(JSON.stringify({ ...data, ...batchEdits })) as unknown;
        if (!fitsBatchSchema(parsed)) return;
        accepted += 1;
        expect(batchSchema.safeParse(parsed).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
    expect(accepted).toBeGreaterThan(100);
    expect(fitsBatchSchema(JSON.parse(text))).toBe(true);
    expect(fitsBatchSchema(JSON.parse('{"format":"cabas-sync","version":2,"device":"a","seq":0,"changes":[{"__proto__":1}],"checksum":"0123456789abcdef"}'))).toBe(false);
  });
});
