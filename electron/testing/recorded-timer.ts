/**
 * A timer for the loops that wait for what falls due (electron/scheduling/wake.ts: the outbox, the rate
 * freezer, the standing-orders placer): the waits they ask for are recorded, not slept, and a test runs the
 * one asked for once its clock has moved.
 */
import type { Timer } from '../scheduling/wake';

export function recordedTimer() {
  const waits: { ms: number; run: () => void; cancelled: boolean }[] = [];
  const timer: Timer = (ms, run) => {
    const wait = { ms, run, cancelled: false };
    waits.push(wait);
    return () => void (wait.cancelled = true);
  };
  /** The waits asked for and not cancelled, in ms, in the order asked. */
  const pending = () => waits.filter((wait) => !wait.cancelled).map((wait) => wait.ms);
  /** The time comes for the first wait not cancelled: it runs, once. False when none is pending. */
  const fire = (): boolean => {
    const wait = waits.find((candidate) => !candidate.cancelled);
    if (!wait) return false;
    wait.cancelled = true;
    wait.run();
    return true;
  };
  return { timer, pending, fire };
}
