/**
 * Hybrid logical clock (Kulkarni et al., as used by Actual Budget): a timestamp
 * that follows wall time but never goes backwards on one device and orders
 * changes across devices whose clocks disagree. Serialised so that string order
 * is time order: `2026-11-26T10:00:00.000Z-0000-<device>`.
 */
export interface Timestamp {
  millis: number;
  counter: number;
  device: string;
}

/** A remote clock further ahead than this is refused rather than dragging ours into the future. */
export const MAX_DRIFT_MS = 5 * 60 * 1000;
const MAX_COUNTER = 0xffff;

export class ClockDriftError extends Error {
  constructor(readonly driftMs: number) {
    super(`remote clock is ${driftMs} ms ahead`);
  }
}

export function serialise({ millis, counter, device }: Timestamp): string {
  return `${new Date(millis).toISOString()}-${counter.toString(16).padStart(4, '0')}-${device}`;
}

/**
 * The one reader of clock timestamps. Strict, because timestamps from other
 * copies are compared as strings: a date that does not exist
 * (`2200-13-45T99:99:99.999Z`) would sort after every real write and win
 * forever. Format, ranges and a round trip through `serialise` must all hold;
 * the device part is what a folder name can be.
 */
export function readTimestamp(text: unknown): Timestamp | undefined {
  if (typeof text !== 'string') return undefined;
  const match = STAMP.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second, ms] = [1, 2, 3, 4, 5, 6, 7].map((group) => Number(match[group])) as [number, number, number, number, number, number, number];
  if (year < 1970 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  // 30 February would come back as 2 March. Checked by the calendar, not by writing the timestamp out again
  // (what the pattern and ranges leave is exactly what `serialise` writes back): every change of a snapshot is read (issue 11).
  if (day > daysInMonth(year, month)) return undefined;
  return { millis: Date.UTC(year, month - 1, day, hour, minute, second, ms), counter: parseInt(match[8]!, 16), device: match[9]! };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const STAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})Z-([0-9a-f]{4})-([A-Za-z0-9_-]{1,64})$/;

export function parseTimestamp(text: string): Timestamp {
  const timestamp = readTimestamp(text);
  if (!timestamp) throw new Error(`not a clock timestamp: ${text}`);
  return timestamp;
}

/**
 * A remote timestamp further ahead than this is not a clock set a little
 * wrong but one that cannot be right: its change is refused for good (and
 * listed) instead of waiting, which would block that copy's later changes.
 */
export const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;

/**
 * How a copy takes another copy's timestamp: `ahead` waits for its own clock
 * (MAX_DRIFT_MS), `future` and `invalid` are refused.
 */
export function judgeRemoteTimestamp(text: string, now: number): 'ok' | 'ahead' | 'future' | 'invalid' {
  const timestamp = readTimestamp(text);
  if (!timestamp) return 'invalid';
  const ahead = timestamp.millis - now;
  if (ahead > MAX_FUTURE_MS) return 'future';
  return ahead > MAX_DRIFT_MS ? 'ahead' : 'ok';
}

export class HybridClock {
  private last: Timestamp;

  constructor(
    readonly device: string,
    private readonly now: () => number = Date.now,
  ) {
    this.last = { millis: 0, counter: 0, device };
  }

  /** A timestamp for a local change, strictly after every timestamp seen so far. */
  tick(): string {
    const wall = this.now();
    const millis = Math.max(wall, this.last.millis);
    const counter = millis === this.last.millis ? this.last.counter + 1 : 0;
    this.last = this.bounded({ millis, counter, device: this.device });
    return serialise(this.last);
  }

  /** Moves the clock past a timestamp received from another device. */
  receive(remoteText: string): void {
    const remote = parseTimestamp(remoteText);
    const wall = this.now();
    if (remote.millis - wall > MAX_DRIFT_MS) throw new ClockDriftError(remote.millis - wall);
    const millis = Math.max(wall, this.last.millis, remote.millis);
    let counter = 0;
    if (millis === this.last.millis && millis === remote.millis) counter = Math.max(this.last.counter, remote.counter) + 1;
    else if (millis === this.last.millis) counter = this.last.counter + 1;
    else if (millis === remote.millis) counter = remote.counter + 1;
    this.last = this.bounded({ millis, counter, device: this.device });
  }

  /**
   * Continues after `text` without the drift check: a timestamp this copy already
   * holds (its own, after a restart, or one it has merged) must never be reused.
   */
  resume(text: string): void {
    const seen = parseTimestamp(text);
    if (seen.millis > this.last.millis || (seen.millis === this.last.millis && seen.counter > this.last.counter)) {
      this.last = { millis: seen.millis, counter: seen.counter, device: this.device };
    }
  }

  private bounded(timestamp: Timestamp): Timestamp {
    // 65 536 changes in one millisecond means the clock is stuck; move on one millisecond.
    return timestamp.counter > MAX_COUNTER ? { ...timestamp, millis: timestamp.millis + 1, counter: 0 } : timestamp;
  }
}
