import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClockDriftError, HybridClock, judgeRemoteTimestamp, MAX_DRIFT_MS, MAX_FUTURE_MS, parseTimestamp, readTimestamp, serialise, type Timestamp } from './hlc';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);

function clockAt(device: string, start = T0) {
  let wall = start;
  const clock = new HybridClock(device, () => wall);
  return { clock, setWall: (millis: number) => (wall = millis) };
}

describe('HybridClock.tick', () => {
  it('follows the wall clock when it moves forward', () => {
    const { clock, setWall } = clockAt('device-a');
    expect(parseTimestamp(clock.tick())).toEqual({ millis: T0, counter: 0, device: 'device-a' });
    setWall(T0 + 5);
    expect(parseTimestamp(clock.tick())).toEqual({ millis: T0 + 5, counter: 0, device: 'device-a' });
  });

  it('counts up within the same millisecond', () => {
    const { clock } = clockAt('device-a');
    const stamps = [clock.tick(), clock.tick(), clock.tick()].map(parseTimestamp);
    expect(stamps.map((s) => [s.millis, s.counter])).toEqual([
      [T0, 0],
      [T0, 1],
      [T0, 2],
    ]);
  });

  it('never goes backwards when the wall clock does', () => {
    const { clock, setWall } = clockAt('device-a');
    const before = clock.tick();
    setWall(T0 - 3_600_000);
    const after = clock.tick();
    expect(after > before).toBe(true);
    expect(parseTimestamp(after)).toEqual({ millis: T0, counter: 1, device: 'device-a' });
  });

  it('moves on one millisecond rather than overflow the counter', () => {
    const { clock } = clockAt('device-a');
    let last = '';
    for (let i = 0; i <= 0x10000; i++) last = clock.tick();
    expect(parseTimestamp(last)).toEqual({ millis: T0 + 1, counter: 0, device: 'device-a' });
  });

  it('is strictly increasing whatever the wall clock does (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -10_000, max: 10_000 }), { minLength: 1, maxLength: 200 }), (jumps) => {
        const { clock, setWall } = clockAt('device-a');
        let wall = T0;
        let previous = '';
        for (const jump of jumps) {
          wall += jump;
          setWall(wall);
          const next = clock.tick();
          if (!(next > previous)) return false;
          previous = next;
        }
        return true;
      }),
    );
  });
});

describe('HybridClock.receive', () => {
  it('moves past a remote timestamp that is ahead of the local clock', () => {
    const { clock } = clockAt('device-a');
    const remote = serialise({ millis: T0 + 60_000, counter: 7, device: 'device-b' });
    clock.receive(remote);
    const next = clock.tick();
    expect(next > remote).toBe(true);
    expect(parseTimestamp(next)).toEqual({ millis: T0 + 60_000, counter: 9, device: 'device-a' });
  });

  it('moves past a remote timestamp in the same millisecond with a higher counter', () => {
    const { clock } = clockAt('device-a');
    clock.tick();
    clock.receive(serialise({ millis: T0, counter: 40, device: 'device-b' }));
    expect(parseTimestamp(clock.tick())).toMatchObject({ millis: T0, counter: 42 });
  });

  it('keeps its own time when the remote one is behind', () => {
    const { clock } = clockAt('device-a');
    const mine = clock.tick();
    clock.receive(serialise({ millis: T0 - 1000, counter: 99, device: 'device-b' }));
    const next = clock.tick();
    expect(next > mine).toBe(true);
    expect(parseTimestamp(next).millis).toBe(T0);
  });

  it(`refuses a remote clock more than ${MAX_DRIFT_MS} ms ahead and does not move`, () => {
    const { clock } = clockAt('device-a');
    const before = clock.tick();
    const tooFar = serialise({ millis: T0 + MAX_DRIFT_MS + 1, counter: 0, device: 'device-b' });
    expect(() => clock.receive(tooFar)).toThrow(ClockDriftError);
    const after = clock.tick();
    expect(parseTimestamp(after)).toEqual({ ...parseTimestamp(before), counter: 1 });
    // Exactly at the limit is still accepted.
    expect(() => clock.receive(serialise({ millis: T0 + MAX_DRIFT_MS, counter: 0, device: 'device-b' }))).not.toThrow();
  });

  it('refuses text that is not a clock timestamp', () => {
    const { clock } = clockAt('device-a');
    expect(() => clock.receive('yesterday')).toThrow(/not a clock timestamp/);
  });
});

describe('serialised timestamps', () => {
  const timestamp = fc.record({
    millis: fc.integer({ min: 0, max: Date.UTC(9999, 11, 31) }),
    counter: fc.integer({ min: 0, max: 0xffff }),
    device: fc.uuid(),
  });
  const compare = (a: Timestamp, b: Timestamp) =>
    a.millis - b.millis || a.counter - b.counter || (a.device < b.device ? -1 : a.device > b.device ? 1 : 0);

  it('sort as strings exactly as they sort in time (property)', () => {
    fc.assert(
      fc.property(timestamp, timestamp, (a, b) => {
        const byTime = Math.sign(compare(a, b));
        const sa = serialise(a);
        const sb = serialise(b);
        const byText = sa < sb ? -1 : sa > sb ? 1 : 0;
        return byTime === byText;
      }),
      { numRuns: 2000 },
    );
  });

  it('parse back to the same timestamp (property)', () => {
    fc.assert(
      fc.property(timestamp, (t) => {
        expect(parseTimestamp(serialise(t))).toEqual(t);
      }),
    );
  });
});

describe('reading a timestamp strictly', () => {
  it('refuses dates that do not exist, whatever Date.parse makes of them', () => {
    for (const text of [
      '2200-13-45T99:99:99.999Z-0000-device-b',
      '2026-00-10T10:00:00.000Z-0000-device-b',
      '2026-02-30T10:00:00.000Z-0000-device-b',
      '2026-04-31T10:00:00.000Z-0000-device-b',
      '2026-03-10T24:00:00.000Z-0000-device-b',
      '2026-03-10T10:60:00.000Z-0000-device-b',
      '2026-03-10T10:00:60.000Z-0000-device-b',
      '1969-12-31T23:59:59.999Z-0000-device-b',
      '2026-03-10T10:00:00.000Z-00g0-device-b',
      '2026-03-10T10:00:00.000Z-0000-',
      '2026-03-10T10:00:00.000Z-0000-../../etc',
      '2026-03-10T10:00:00Z-0000-device-b',
      ' 2026-03-10T10:00:00.000Z-0000-device-b',
    ]) {
      expect(readTimestamp(text), text).toBeUndefined();
      expect(() => parseTimestamp(text), text).toThrow(/not a clock timestamp/);
    }
    expect(readTimestamp(42)).toBeUndefined();
  });

  it('reads the last day of a leap February and the epoch', () => {
    expect(readTimestamp('2028-02-29T23:59:59.999Z-ffff-device-b')).toEqual({ millis: Date.UTC(2028, 1, 29, 23, 59, 59, 999), counter: 0xffff, device: 'device-b' });
    expect(readTimestamp('1970-01-01T00:00:00.000Z-0000-device-b')?.millis).toBe(0);
  });

  it('judges another copy\'s timestamp: a little ahead waits, far ahead or impossible is refused', () => {
    const stamp = (ahead: number) => serialise({ millis: T0 + ahead, counter: 0, device: 'device-b' });
    expect(judgeRemoteTimestamp(stamp(0), T0)).toBe('ok');
    expect(judgeRemoteTimestamp(stamp(MAX_DRIFT_MS + 1), T0)).toBe('ahead');
    expect(judgeRemoteTimestamp(stamp(MAX_FUTURE_MS + 1), T0)).toBe('future');
    expect(judgeRemoteTimestamp('2200-13-45T99:99:99.999Z-0000-device-b', T0)).toBe('invalid');
  });
});

describe('resuming after a restart', () => {
  it('never reuses a timestamp already held, even when the wall clock went back', () => {
    const device = 'device-a';
    const before = new HybridClock(device, () => Date.parse('2026-11-26T10:00:00.000Z'));
    const held = [before.tick(), before.tick(), before.tick()];
    const after = new HybridClock(device, () => Date.parse('2026-11-26T09:00:00.000Z'));
    after.resume(held.at(-1)!);
    const next = after.tick();
    expect(held.every((at) => next > at)).toBe(true);
  });

  it('ignores a timestamp older than what it already holds', () => {
    const clock = new HybridClock('device-a', () => Date.parse('2026-11-26T10:00:00.000Z'));
    const latest = clock.tick();
    clock.resume('2026-11-26T08:00:00.000Z-0005-device-b');
    expect(clock.tick() > latest).toBe(true);
    expect(clock.tick().startsWith('2026-11-26T10:00:00.000Z')).toBe(true);
  });
});
