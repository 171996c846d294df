import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENCIES } from '../../shared/model/fields';
import type { SettlementView } from '../../shared/settlement/rates';
import { pickupDay } from '../testing/pickup-day';
import { call, openApp, type TestApp } from '../testing/service-calls';
import { useTempDirs } from '../testing/temp-dir';

const tempDir = useTempDirs();
/** Wednesday 4 March 2026, 23:59 Brussels: ordering for Friday's distribution closes by the clock. */
const CLOSES = Date.parse('2026-03-04T22:59:00.000Z');

type Terms = { hostCommissionBp: number; serviceFeeBp: number; currency: (typeof CURRENCIES)[number] };
const terms: fc.Arbitrary<Terms> = fc.record({
  hostCommissionBp: fc.integer({ min: 0, max: 3000 }),
  serviceFeeBp: fc.integer({ min: 0, max: 3000 }),
  currency: fc.constantFrom(...CURRENCIES),
});
type Step =
  | { kind: 'settings'; terms: Terms }
  | { kind: 'advance'; minutes: number }
  | { kind: 'sweep' | 'closeEarly' | 'restart' };
const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('settings' as const), terms }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('advance' as const), minutes: fc.integer({ min: 1, max: 600 }) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constantFrom('sweep' as const, 'closeEarly' as const, 'restart' as const) }), weight: 2 },
);

/**
 * The figures of a settlement, without when and whether its rates were frozen yet: between a
 * closing by the clock and the next sweep they are still read from the relay, unchanged.
 */
const figures = ({ rates: { frozenAt: _at, source: _source, ...rates }, ...rest }: SettlementView) => ({ ...rest, rates });

describe('frozen rates property', () => {
  it('once ordering has closed, no sequence of settings changes, sweeps or restarts changes the settlement; before, it follows the relay', async () => {
    await fc.assert(
      fc.asyncProperty(terms, fc.array(step, { minLength: 3, maxLength: 20 }), async (initial, steps) => {
        const day = await pickupDay(await tempDir());
        let app: TestApp = day.app;
        await call(app, 'relay.update', initial);
        await day.order(await day.member('Anne'), [{ product: day.carrots, quantity: 2 }, { product: day.bread, quantity: 1 }]);
        await day.order(await day.member('Marc'), [{ product: day.carrots, quantity: 3 }]);
        const distributionId = day.distribution.id;
        let relay = initial;
        /** The relay's terms when ordering closed: what the settlement must use from then on. */
        let atClose: Terms | null = null;
        let reference: ReturnType<typeof figures> | null = null;

        for (const next of steps) {
          if (next.kind === 'settings') {
            await call(app, 'relay.update', next.terms);
            relay = next.terms;
          } else if (next.kind === 'advance') {
            const before = app.clock.now().getTime();
            app.clock.advance(next.minutes * 60_000);
            if (atClose === null && before < CLOSES && app.clock.now().getTime() >= CLOSES) atClose = relay;
          } else if (next.kind === 'sweep') {
            await app.freezer.sweep();
          } else if (next.kind === 'closeEarly') {
            const closed = await app.dispatch('distributions.closeEarly', { id: distributionId });
            if (closed.ok) atClose = relay;
          } else {
            app.freezer.stop();
            app = await openApp(app.dataDir, app.clock.now());
          }

          const settlement = await call<SettlementView>(app, 'settlement.forDistribution', { distributionId });
          if (atClose === null) {
            expect(settlement.rates).toMatchObject({ ...relay, frozenAt: null });
            continue;
          }
          expect(settlement.rates).toMatchObject(atClose);
          reference ??= figures(settlement);
          expect(figures(settlement)).toEqual(reference);
        }
      }),
      { numRuns: 25 },
    );
  }, 180_000);
});
