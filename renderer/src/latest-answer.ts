import { useState } from 'react';

/**
 * Answers can arrive out of order on a busy machine: a screen that re-reads every few seconds may get a read's answer
 * after the answer of an action taken meanwhile, or after a later read's. An answer never replaces one that holds a
 * newer state: each request takes a place in line when it is sent, and its answer is kept only while no answer asked
 * after it has been kept. (A queue of "the last asked only" would starve a screen whose reads take longer than its
 * re-read interval: every answer would be dropped.)
 */
export interface LatestAnswer {
  /** The place in line of a request about to be sent. */
  ask(): number;
  /** Whether to show the answer to the request asked at `place`; showing it makes every earlier one stale. */
  keep(place: number): boolean;
  /**
   * Drops every answer still on its way: after an action's answer is shown (a read asked before it arrived may have
   * been served before the change) or when the question changed (another page).
   */
  dropEarlier(): void;
}

export function latestAnswer(): LatestAnswer {
  let asked = 0;
  let kept = 0;
  return {
    ask: () => ++asked,
    keep(place) {
      if (place <= kept) return false;
      kept = place;
      return true;
    },
    dropEarlier() {
      kept = asked;
    },
  };
}

/** One line of answers for a component's whole life. */
export function useLatestAnswer(): LatestAnswer {
  const [answers] = useState(latestAnswer);
  return answers;
}
