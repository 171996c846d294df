import { UserError } from '../../shared/contract/errors';
import type { MessageKey } from '../../shared/i18n/messages';
import { translate } from '../../shared/i18n/messages';
import { settlementRows } from '../../shared/settlement/csv';
import { settleDistribution } from '../../shared/settlement/distribution';
import { rateChangeRefusal, settlementRates, withRateChange, type RateChangeRefusal, type SettlementView } from '../../shared/settlement/rates';
import { writeCsv } from '../../shared/csv/write';
import type { FeeRates } from '../../shared/settlement/fees';
import type { Store, Transaction } from '../store/store';
import { existingDistribution } from './distributions';
import { frozenIfClosed } from './frozen-rates';
import { ordersOf } from './ordered';
import { readRelay } from './relay';

type Source = Store | Transaction;

/** The settlement at the distribution's own rates once ordering has closed; at the relay's current ones before. */
export function settlementOf(source: Source, distributionId: string): SettlementView {
  const distribution = existingDistribution(source, distributionId);
  const rates = settlementRates(distribution, readRelay(source));
  const producerOf = (productId: string) => {
    const producer = source.get('producer', source.get('product', productId)?.producerId ?? '');
    return producer ? { id: producer.id, name: producer.name } : { id: '?', name: '?' };
  };
  return { ...settleDistribution(ordersOf(source, distributionId), producerOf, rates), rates };
}

const REFUSALS: Record<RateChangeRefusal, MessageKey> = {
  notFrozen: 'error.ratesNotFrozen',
  settled: 'error.distributionSettled',
  unchanged: 'error.ratesUnchanged',
};

export function settlementService(store: () => Store, now: () => Date) {
  /** The distribution as the rule wants it now: a closing the sweep has not reached yet is frozen first, in the same transaction. */
  const current = (tx: Transaction, distributionId: string) => frozenIfClosed(existingDistribution(tx, distributionId), readRelay(tx), now());

  return {
    'settlement.forDistribution': async ({ distributionId }: { distributionId: string }) => settlementOf(store(), distributionId),

    'settlement.exportCsv': async ({ distributionId }: { distributionId: string }) => {
      const source = store();
      const distribution = existingDistribution(source, distributionId);
      const { language } = readRelay(source);
      return {
        fileName: `${translate(language, 'settlement.fileName')}-${distribution.pickupDate}.csv`,
        content: writeCsv(settlementRows(settlementOf(source, distributionId), language)),
      };
    },

    /** Changes the frozen rates of one distribution, with the reason kept beside the change; refused once it is settled. */
    'settlement.changeRates': ({ distributionId, reason, ...to }: FeeRates & { distributionId: string; reason: string }) =>
      store().transact((tx) => {
        const distribution = current(tx, distributionId);
        const refusal = rateChangeRefusal(distribution, to);
        if (refusal || distribution.rates === null) throw new UserError(REFUSALS[refusal ?? 'notFrozen']);
        const at = now().toISOString();
        tx.put('distribution', { ...distribution, rateChanges: withRateChange({ ...distribution, rates: distribution.rates }, to, reason, at), updatedAt: at });
        return settlementOf(tx, distributionId);
      }),

    /** The organiser declares the settlement done (producers paid): from then on its rates never change. */
    'settlement.markSettled': ({ distributionId }: { distributionId: string }) =>
      store().transact((tx) => {
        const distribution = current(tx, distributionId);
        if (distribution.settledAt !== null) throw new UserError('error.distributionSettled');
        if (distribution.rates === null) throw new UserError('error.ratesNotFrozen');
        const at = now().toISOString();
        tx.put('distribution', { ...distribution, settledAt: at, updatedAt: at });
        return settlementOf(tx, distributionId);
      }),
  };
}
