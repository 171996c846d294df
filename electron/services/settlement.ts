import { settlementRows } from '../../shared/settlement/csv';
import { settleDistribution, type DistributionSettlement } from '../../shared/settlement/distribution';
import { writeCsv } from '../../shared/csv/write';
import type { Store } from '../store/store';
import { existingDistribution } from './distributions';
import { ordersOf } from './ordered';
import { readRelay } from './relay';

function settlementOf(store: Store, distributionId: string): DistributionSettlement {
  existingDistribution(store, distributionId);
  const { hostCommissionBp, serviceFeeBp } = readRelay(store);
  const producerOf = (productId: string) => {
    const producer = store.get('producer', store.get('product', productId)?.producerId ?? '');
    return producer ? { id: producer.id, name: producer.name } : { id: '?', name: '?' };
  };
  return settleDistribution(ordersOf(store, distributionId), producerOf, { hostCommissionBp, serviceFeeBp });
}

export function settlementService(store: () => Store) {
  return {
    'settlement.forDistribution': async ({ distributionId }: { distributionId: string }) => settlementOf(store(), distributionId),
    'settlement.exportCsv': async ({ distributionId }: { distributionId: string }) => {
      const distribution = existingDistribution(store(), distributionId);
      return {
        fileName: `bilan-${distribution.pickupDate}.csv`,
        content: writeCsv(settlementRows(settlementOf(store(), distributionId))),
      };
    },
  };
}
