/**
 * A short run of `npm run torture` inside `npm test` (issue 13): a few SIGKILLs of
 * the real backend mid-work, a sample of malformed payloads for every
 * operation, and ids that name nothing for every operation that takes one. The hostile-folder cases are unit tests of their own already.
 */
import { describe, expect, it } from 'vitest';
import { runTorture } from './run';

describe('npm run torture, short', () => {
  it('loses no acknowledged change across kills, opens ready after each, and refuses every malformed payload and unknown id cleanly', { timeout: 600_000 }, async () => {
    const summary = await runTorture({ iterations: 4, seed: 13, fuzzSample: 4, hostile: false, maxKillDelayMs: 2_000 });
    expect(summary.failures).toEqual([]);
    expect(summary.crash.kills).toBe(4);
    expect(summary.fuzz.operations).toBeGreaterThan(100);
    expect(summary.fuzz.payloads).toBeGreaterThanOrEqual(summary.fuzz.operations * 4);
    // Ids that name nothing, sent to every operation that takes one (unknown-ids.ts): refused cleanly, nothing written.
    expect(summary.fuzz.unknownIds).toBeGreaterThan(80);
    expect(summary.unknownBesideKnown.unknownIdPayloads).toBeGreaterThan(summary.fuzz.unknownIds);
  });
});
