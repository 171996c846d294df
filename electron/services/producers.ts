import { randomUUID } from 'node:crypto';
import { UserError } from '../../shared/contract/errors';
import type { Warning } from '../../shared/contract/results';
import type { ArchivedFilter, Producer, ProducerFields } from '../../shared/model/producer';
import { filterProducers, sameNameProducers } from '../../shared/producers/rules';
import type { Store, Transaction } from '../store/store';

function existing(tx: Transaction, id: string): Producer {
  const producer = tx.get('producer', id);
  if (!producer) throw new UserError('error.producerNotFound');
  return producer;
}

function nameWarnings(tx: Transaction, producer: Producer): Warning[] {
  return sameNameProducers(tx.all('producer'), producer.name, producer.id).length > 0
    ? [{ key: 'warning.duplicateProducerName', params: { name: producer.name } }]
    : [];
}

export function producersService(store: () => Store, now: () => Date) {
  const stamp = () => now().toISOString();

  const setArchived = (id: string, archived: boolean) =>
    store().transact((tx) => {
      const producer = existing(tx, id);
      if ((producer.archivedAt !== null) === archived) return producer;
      return tx.put('producer', { ...producer, archivedAt: archived ? stamp() : null, updatedAt: stamp() });
    });

  return {
    'producers.list': async ({ query, archived }: { query?: string; archived: ArchivedFilter }) =>
      filterProducers(store().all('producer'), { query, archived }),

    'producers.get': async ({ id }: { id: string }) => {
      const producer = store().get('producer', id);
      if (!producer) throw new UserError('error.producerNotFound');
      return producer;
    },

    'producers.create': (draft: ProducerFields) =>
      store().transact((tx) => {
        const at = stamp();
        const producer = tx.put('producer', { ...draft, id: randomUUID(), archivedAt: null, createdAt: at, updatedAt: at });
        return { producer, warnings: nameWarnings(tx, producer) };
      }),

    'producers.update': ({ id, changes }: { id: string; changes: Partial<ProducerFields> }) =>
      store().transact((tx) => {
        const before = existing(tx, id);
        // Saving an untouched form is not a change: no new updatedAt, no change record, no write.
        const changed = (Object.keys(changes) as (keyof ProducerFields)[]).some(
          (field) => changes[field] !== undefined && changes[field] !== before[field],
        );
        const producer = changed ? tx.put('producer', { ...before, ...changes, updatedAt: stamp() }) : before;
        return { producer, warnings: changes.name === undefined ? [] : nameWarnings(tx, producer) };
      }),

    'producers.archive': ({ id }: { id: string }) => setArchived(id, true),
    'producers.restore': ({ id }: { id: string }) => setArchived(id, false),
  };
}
