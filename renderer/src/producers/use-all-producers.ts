/** Every producer, archived ones included: the duplicate-name check must see them all, whatever the list shows. */
import { useEffect, useState } from 'react';
import type { Producer } from '../../../shared/model/producer';
import { call } from '../client';

export function useAllProducers(): Producer[] {
  const [producers, setProducers] = useState<Producer[]>([]);
  useEffect(() => {
    let live = true;
    void call('producers.list', { archived: 'all' }).then((outcome) => {
      if (live && outcome.ok) setProducers(outcome.value);
    });
    return () => {
      live = false;
    };
  }, []);
  return producers;
}
