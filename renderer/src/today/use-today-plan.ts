/**
 * What the home screen reads: today's (or the next) distribution with its
 * slots and check-in progress, and how far the relay is set up (for the
 * first-run guide). Read once when the screen opens.
 */
import { useEffect, useState } from 'react';
import type { DistributionView } from '../../../shared/catalogue/views';
import type { AppError } from '../../../shared/contract/errors';
import type { LocalDate } from '../../../shared/distributions/calendar';
import { call } from '../client';
import { nextDistribution } from './next-distribution';

export interface SetUp {
  producers: number;
  products: number;
  distributions: number;
}

export interface TodayPlan {
  /** Today's distribution, else the next one; null when none is planned. */
  distribution: DistributionView | null;
  slots: number;
  /** Only on the pickup day (or after it): collected / expected at the counter. */
  checkin: { collected: number; expected: number } | null;
  setUp: SetUp;
}

async function readPlan(today: LocalDate): Promise<{ plan: TodayPlan } | { error: AppError }> {
  const [distributions, producers, products] = await Promise.all([
    call('distributions.list', { includeCancelled: false }),
    call('producers.list', { archived: 'active' }),
    call('products.list', { archived: 'active' }),
  ]);
  if (!distributions.ok) return { error: distributions.error };
  if (!producers.ok) return { error: producers.error };
  if (!products.ok) return { error: products.error };
  const distribution = nextDistribution(distributions.value, today);
  const setUp = { producers: producers.value.length, products: products.value.length, distributions: distributions.value.length };
  if (!distribution) return { plan: { distribution, slots: 0, checkin: null, setUp } };
  const [slots, day] = await Promise.all([
    call('slots.list', { distributionId: distribution.id }),
    distribution.pickupDate <= today ? call('checkin.day', { distributionId: distribution.id }) : Promise.resolve(null),
  ]);
  if (!slots.ok) return { error: slots.error };
  if (day && !day.ok) return { error: day.error };
  const checkin = day ? { collected: day.value.collected, expected: day.value.expected } : null;
  return { plan: { distribution, slots: slots.value.length, checkin, setUp } };
}

export function useTodayPlan(today: LocalDate): { plan: TodayPlan | null; error: AppError | null } {
  const [state, setState] = useState<{ plan: TodayPlan | null; error: AppError | null }>({ plan: null, error: null });
  useEffect(() => {
    let live = true;
    void readPlan(today).then((read) => {
      if (live) setState('plan' in read ? { plan: read.plan, error: null } : { plan: null, error: read.error });
    });
    return () => {
      live = false;
    };
  }, [today]);
  return state;
}
