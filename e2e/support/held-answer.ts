/**
 * One answer held back, as on a busy machine: the next call of an operation is answered by the host
 * at once, but the page gets the answer only when the test releases it (after what the test does
 * meanwhile). Later calls of the operation pass through.
 */
import type { Page } from '@playwright/test';

export interface HeldAnswer {
  /** Resolves once the host has answered the held call (the read has left, with the state of that moment). */
  answered: Promise<void>;
  /** Lets the held answer through to the page. */
  release(): void;
  /** Resolves once the page has been handed the held answer. */
  delivered: Promise<void>;
}

export async function holdNextAnswer(page: Page, operation: string): Promise<HeldAnswer> {
  const signal = () => {
    let resolve = () => {};
    const promise = new Promise<void>((done) => (resolve = done));
    return { promise, resolve };
  };
  const [held, answered, delivered] = [signal(), signal(), signal()];
  let first = true;
  await page.route(`**/api/call/${operation}`, async (route) => {
    if (!first) return route.continue();
    first = false;
    const response = await route.fetch();
    answered.resolve();
    await held.promise;
    await route.fulfill({ response });
    delivered.resolve();
  });
  return { answered: answered.promise, release: held.resolve, delivered: delivered.promise };
}
