import { describe, expect, it } from 'vitest';
import type { FrozenRates } from '../model/distribution';
import { rateChangeRefusal, settlementRates, withRateChange, withRatesInForce } from './rates';

const relay = { hostCommissionBp: 835, serviceFeeBp: 1165, currency: 'EUR' as const };
const CLOSES = '2026-03-04T22:59:00.000Z';
const before = new Date('2026-03-04T22:58:59.999Z');
const atClose = new Date(CLOSES);
const frozen: FrozenRates = { ...relay, frozenAt: CLOSES };
const open = { closesAt: CLOSES, closedEarlyAt: null, rates: null, rateChanges: [], settledAt: null };
const closed = { ...open, rates: frozen };
const solidarity = (distribution: typeof closed) => ({
  ...distribution,
  rateChanges: withRateChange(distribution, { hostCommissionBp: 0, serviceFeeBp: 0 }, 'vente solidaire', '2026-03-05T10:00:00.000Z'),
});

describe('withRatesInForce', () => {
  it('leaves an open distribution following the relay, and freezes it from the closing instant on', () => {
    expect(withRatesInForce(open, relay, before)).toBe(open);
    expect(withRatesInForce(open, relay, atClose).rates).toEqual(frozen);
  });

  it('freezes at the moment ordering is closed by hand, before the planned closing', () => {
    const closedEarly = { ...open, closedEarlyAt: '2026-03-04T12:00:00.000Z' };
    expect(withRatesInForce(closedEarly, relay, new Date('2026-03-04T12:00:00.000Z')).rates).toEqual({ ...relay, frozenAt: '2026-03-04T12:00:00.000Z' });
  });

  it('keeps frozen rates as they are, whatever the relay says now', () => {
    expect(withRatesInForce(closed, { hostCommissionBp: 0, serviceFeeBp: 0, currency: 'CHF' }, new Date('2027-01-01T00:00:00.000Z'))).toBe(closed);
  });

  it('gives a reopened distribution back to the relay, unless rates were set by hand or it is settled', () => {
    expect(withRatesInForce(closed, relay, before).rates).toBeNull();
    const changed = solidarity(closed);
    expect(withRatesInForce(changed, relay, before)).toBe(changed);
    const settled = { ...closed, settledAt: CLOSES };
    expect(withRatesInForce(settled, relay, before)).toBe(settled);
  });
});

describe('setting rates by hand', () => {
  it('is refused before ordering has closed, once settled, and to the rates in force', () => {
    const to = { hostCommissionBp: 500, serviceFeeBp: 1000 };
    expect(rateChangeRefusal(open, to)).toBe('notFrozen');
    expect(rateChangeRefusal({ ...closed, settledAt: CLOSES }, to)).toBe('settled');
    expect(rateChangeRefusal(closed, { hostCommissionBp: 835, serviceFeeBp: 1165 })).toBe('unchanged');
    expect(rateChangeRefusal(solidarity(closed), { hostCommissionBp: 0, serviceFeeBp: 0 })).toBe('unchanged');
    expect(rateChangeRefusal(closed, to)).toBeNull();
  });

  it('keeps every change, from what was in force to the new rates, with its reason, oldest first; the last is in force', () => {
    const once = solidarity(closed);
    const twice = { ...once, rateChanges: withRateChange(once, { hostCommissionBp: 500, serviceFeeBp: 0 }, 'erreur', '2026-03-06T10:00:00.000Z') };
    expect(twice.rateChanges.map((change) => [change.from, change.to, change.reason])).toEqual([
      [{ hostCommissionBp: 835, serviceFeeBp: 1165 }, { hostCommissionBp: 0, serviceFeeBp: 0 }, 'vente solidaire'],
      [{ hostCommissionBp: 0, serviceFeeBp: 0 }, { hostCommissionBp: 500, serviceFeeBp: 0 }, 'erreur'],
    ]);
    expect(settlementRates(twice, relay)).toMatchObject({ hostCommissionBp: 500, serviceFeeBp: 0, currency: 'EUR', source: 'changed', frozenAt: CLOSES });
  });
});

describe('settlementRates', () => {
  it('are the relay’s while ordering is open, the frozen ones after, whatever the relay says', () => {
    expect(settlementRates(open, relay)).toEqual({ ...relay, source: 'relay', frozenAt: null, changes: [], settledAt: null });
    expect(settlementRates(closed, { hostCommissionBp: 0, serviceFeeBp: 0, currency: 'GBP' })).toEqual({
      ...relay,
      source: 'frozen',
      frozenAt: CLOSES,
      changes: [],
      settledAt: null,
    });
  });
});
