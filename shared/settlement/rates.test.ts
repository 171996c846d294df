import { describe, expect, it } from 'vitest';
import type { FrozenRates } from '../model/distribution';
import { changedRates, rateChangeRefusal, settlementRates, withRatesInForce } from './rates';

const relay = { hostCommissionBp: 835, serviceFeeBp: 1165, currency: 'EUR' as const };
const CLOSES = '2026-03-04T22:59:00.000Z';
const before = new Date('2026-03-04T22:58:59.999Z');
const atClose = new Date(CLOSES);
const frozen: FrozenRates = { ...relay, frozenAt: CLOSES, changes: [] };
const open = { closesAt: CLOSES, closedEarlyAt: null, rates: null, settledAt: null };

describe('withRatesInForce', () => {
  it('leaves an open distribution following the relay, and freezes it from the closing instant on', () => {
    expect(withRatesInForce(open, relay, before)).toBe(open);
    expect(withRatesInForce(open, relay, atClose).rates).toEqual(frozen);
  });

  it('freezes at the moment ordering is closed by hand, before the planned closing', () => {
    const closedEarly = { ...open, closedEarlyAt: '2026-03-04T12:00:00.000Z' };
    expect(withRatesInForce(closedEarly, relay, new Date('2026-03-04T12:00:00.000Z')).rates).toMatchObject({ frozenAt: '2026-03-04T12:00:00.000Z' });
  });

  it('keeps frozen rates as they are, whatever the relay says now', () => {
    const closed = { ...open, rates: frozen };
    expect(withRatesInForce(closed, { hostCommissionBp: 0, serviceFeeBp: 0, currency: 'CHF' }, new Date('2027-01-01T00:00:00.000Z'))).toBe(closed);
  });

  it('gives a reopened distribution back to the relay, unless its rates were changed by hand or it is settled', () => {
    const reopened = { ...open, rates: frozen };
    expect(withRatesInForce(reopened, relay, before).rates).toBeNull();
    const changed = { ...reopened, rates: changedRates(frozen, { hostCommissionBp: 0, serviceFeeBp: 0 }, 'solidaire', CLOSES) };
    expect(withRatesInForce(changed, relay, before)).toBe(changed);
    const settled = { ...reopened, settledAt: CLOSES };
    expect(withRatesInForce(settled, relay, before)).toBe(settled);
  });
});

describe('changing frozen rates', () => {
  it('is refused before they are frozen, once settled, and to the same rates', () => {
    const to = { hostCommissionBp: 500, serviceFeeBp: 1000 };
    expect(rateChangeRefusal({ rates: null, settledAt: null }, to)).toBe('notFrozen');
    expect(rateChangeRefusal({ rates: frozen, settledAt: CLOSES }, to)).toBe('settled');
    expect(rateChangeRefusal({ rates: frozen, settledAt: null }, { hostCommissionBp: 835, serviceFeeBp: 1165 })).toBe('unchanged');
    expect(rateChangeRefusal({ rates: frozen, settledAt: null }, to)).toBeNull();
  });

  it('keeps every change, from and to, with its reason, oldest first; the currency and freezing time stay', () => {
    const once = changedRates(frozen, { hostCommissionBp: 500, serviceFeeBp: 1000 }, 'remise', '2026-03-07T10:00:00.000Z');
    const twice = changedRates(once, { hostCommissionBp: 600, serviceFeeBp: 1000 }, 'erreur de frappe', '2026-03-08T10:00:00.000Z');
    expect(twice).toMatchObject({ hostCommissionBp: 600, serviceFeeBp: 1000, currency: 'EUR', frozenAt: CLOSES });
    expect(twice.changes.map((change) => [change.from.hostCommissionBp, change.to.hostCommissionBp, change.reason])).toEqual([
      [835, 500, 'remise'],
      [500, 600, 'erreur de frappe'],
    ]);
  });
});

describe('settlementRates', () => {
  it('are the relay’s, not frozen, while the distribution has none; its own once frozen', () => {
    expect(settlementRates({ rates: null, settledAt: null }, relay)).toEqual({ ...relay, frozenAt: null, changes: [], settledAt: null });
    expect(settlementRates({ rates: frozen, settledAt: null }, { hostCommissionBp: 0, serviceFeeBp: 0, currency: 'GBP' })).toEqual({
      ...relay,
      frozenAt: CLOSES,
      changes: [],
      settledAt: null,
    });
  });
});
