/**
 * One queue per file for the small machine files rewritten whole (shop-account.json, mail.json): two
 * services that each read the file, change it and write it back at the same moment would otherwise lose
 * one of the two changes. Keyed by the file, so that every caller writing it shares the one queue.
 */
const queues = new Map<unknown, Promise<unknown>>();

/** Runs `work` once every earlier work on `key` has ended; a failed one does not stop those after it. */
export function queued<T>(key: unknown, work: () => Promise<T>): Promise<T> {
  const next = (queues.get(key) ?? Promise.resolve()).then(work);
  const tail = next.catch(() => undefined);
  queues.set(key, tail);
  // Forgotten once idle, so that the map does not grow with every folder a test opens.
  void tail.then(() => queues.get(key) === tail && queues.delete(key));
  return next;
}
