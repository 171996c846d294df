import { describe, expect, it } from 'vitest';
import { stepsDone } from './first-run-guide';
import { nextDistribution } from './next-distribution';
import type { DistributionView } from '../../../shared/catalogue/views';

describe('the first-run guide', () => {
  it('counts a step done once there is something to show for it', () => {
    expect(stepsDone({ name: 'Mon relais' }, { producers: 0, products: 0, distributions: 0 })).toEqual({
      settings: false,
      producers: false,
      catalogue: false,
      distribution: false,
    });
    expect(stepsDone({ name: 'Relais de Namur' }, { producers: 2, products: 0, distributions: 1 })).toEqual({
      settings: true,
      producers: true,
      catalogue: false,
      distribution: true,
    });
  });
});

describe('the distribution the home screen shows', () => {
  const at = (pickupDate: string, status: DistributionView['status'] = 'open') => ({ pickupDate, pickupStart: '17:00', status }) as DistributionView;

  it('is today’s, else the next one; never a past or cancelled one', () => {
    const list = [at('2026-12-01', 'distributed'), at('2026-12-11'), at('2026-12-04', 'cancelled'), at('2026-12-08')];
    expect(nextDistribution(list, '2026-12-04')?.pickupDate).toBe('2026-12-08');
    expect(nextDistribution([...list, at('2026-12-04', 'closed')], '2026-12-04')?.pickupDate).toBe('2026-12-04');
    expect(nextDistribution([at('2026-12-01', 'distributed')], '2026-12-04')).toBeNull();
  });
});
