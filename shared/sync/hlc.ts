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

export function parseTimestamp(text: string): Timestamp {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-(.+)$/.exec(text);
  if (!match) throw new Error(`not a clock timestamp: ${text}`);
  return { millis: Date.parse(match[1]!), counter: parseInt(match[2]!, 16), device: match[3]! };
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
