/**
 * The days in a range that already have a distribution (cancelled ones do
 * not count): a series proposes to leave them out rather than plan the same
 * day twice.
 */
import { useEffect, useState } from 'react';
import type { LocalDate } from '../../../shared/distributions/calendar';
import { call } from '../client';

const NONE: ReadonlySet<LocalDate> = new Set();

export function useTakenDates(dates: readonly LocalDate[]): ReadonlySet<LocalDate> {
  const from = dates[0];
  const to = dates.at(-1);
  const [taken, setTaken] = useState<{ range: string; dates: ReadonlySet<LocalDate> }>({ range: '', dates: NONE });
  const range = from && to ? `${from}/${to}` : '';

  useEffect(() => {
    if (!from || !to) return;
    let live = true;
    void call('distributions.list', { from, to }).then((outcome) => {
      if (live && outcome.ok) setTaken({ range: `${from}/${to}`, dates: new Set(outcome.value.map((d) => d.pickupDate)) });
    });
    return () => {
      live = false;
    };
  }, [from, to]);

  // An answer for another range says nothing about this one.
  return taken.range === range ? taken.dates : NONE;
}
