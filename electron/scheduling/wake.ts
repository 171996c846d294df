/**
 * When the outbox's next round runs (issue 15): one wait at a time, set by the
 * outbox after each round, and cut short by a change that may prepare or send
 * messages — a distribution, the relay's settings, a member, whether typed here
 * or brought by sync. The outbox's own messages wake nothing.
 */
import type { EntityKind } from '../../shared/model/change';
import type { Store } from '../store/store';

/** Runs `run` in `ms`; returns how to cancel it (tests record the waits instead of sleeping). */
export type Timer = (ms: number, run: () => void) => () => void;

export const realTimer: Timer = (ms, run) => {
  const handle = setTimeout(run, ms);
  // The outbox never keeps the process alive on its own.
  handle.unref?.();
  return () => clearTimeout(handle);
};

/** The outbox's: what may prepare or address a message. The rate freezer passes its own (frozen-rates.ts). */
const WAKING_KINDS: ReadonlySet<EntityKind> = new Set<EntityKind>(['distribution', 'relay', 'member']);

export class Wake {
  private cancel: (() => void) | null = null;
  private watched: { store: Store; stop: () => void } | null = null;
  private soon = false;
  private stopped = false;

  constructor(
    private readonly timer: Timer,
    private readonly round: () => void,
    private readonly kinds: ReadonlySet<EntityKind> = WAKING_KINDS,
  ) {}

  /** The next round in `ms`, instead of any wait set before. */
  in(ms: number): void {
    // A change arrived while the round that asks was running: the round it called for comes first and sets the
    // wait itself. Cancelling it here would leave `soon` set, and no later change would ever wake a round.
    if (this.soon) return;
    this.cancel?.();
    this.cancel = this.stopped ? null : this.timer(Math.max(0, ms), () => this.round());
  }

  /** A round at once after a change that may prepare or send messages, once for a burst of them. */
  watch(store: Store | null): void {
    if (this.stopped || this.watched?.store === store) return;
    this.watched?.stop();
    this.watched = null;
    if (store === null) return;
    const stop = store.onChange((changes) => {
      if (this.soon || this.stopped || !changes.some((change) => this.kinds.has(change.entity))) return;
      this.soon = true;
      this.cancel?.();
      this.cancel = this.timer(0, () => {
        this.soon = false;
        this.round();
      });
    });
    this.watched = { store, stop };
  }

  stop(): void {
    this.stopped = true;
    this.cancel?.();
    this.cancel = null;
    this.watched?.stop();
    this.watched = null;
  }
}
