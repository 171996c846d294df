import { describe, expect, it } from 'vitest';
import type { ChangeRecord } from '../../shared/model/change';
import type { Store } from '../store/store';
import { recordedTimer } from '../testing/recorded-timer';
import { Wake } from './wake';

/** A store whose only part here is its change listeners: `change` is what a transaction (or a merge) tells them. */
function fakeStore() {
  const listeners = new Set<(changes: ChangeRecord[]) => void>();
  const store = { onChange: (listener: (changes: ChangeRecord[]) => void) => (listeners.add(listener), () => listeners.delete(listener)) } as unknown as Store;
  const change = (entity: ChangeRecord['entity']) => {
    for (const listener of listeners) listener([{ at: '', device: '', entity, entityId: 'x', fields: {} } as ChangeRecord]);
  };
  return { store, change };
}

describe('the wake of a round', () => {
  it('keeps the round a change asked for while a round was running, and wakes again on the next change', () => {
    const { timer, pending, fire } = recordedTimer();
    let rounds = 0;
    const wake = new Wake(timer, () => (rounds += 1));
    const { store, change } = fakeStore();
    wake.watch(store);
    // A round is running: a distribution changes, then the round ends and asks for its next wait.
    change('distribution');
    wake.in(15 * 60_000);
    expect(pending()).toEqual([0]);
    fire();
    expect(rounds).toBe(1);
    wake.in(15 * 60_000);
    // A later change still wakes a round.
    change('relay');
    expect(pending()).toEqual([0]);
    // Only the kinds it was given wake it.
    change('outboxMessage');
    expect(pending()).toEqual([0]);
  });
});
