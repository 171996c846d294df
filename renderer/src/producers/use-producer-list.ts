/**
 * The producers matching the search box and the archived filter, asked of
 * the main process on every keystroke. A slower answer to an older query must
 * not overwrite a newer one, hence the `live` flag.
 */
import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { ArchivedFilter, Producer } from '../../../shared/model/producer';
import { call } from '../client';

export interface ProducerList {
  /** null until the first answer; afterwards the last good list stays while the next one loads. */
  producers: Producer[] | null;
  error: AppError | null;
}

export function useProducerList(query: string, archived: ArchivedFilter, version: number): ProducerList {
  const [list, setList] = useState<ProducerList>({ producers: null, error: null });

  useEffect(() => {
    let live = true;
    void call('producers.list', { query, archived }).then((outcome) => {
      if (!live) return;
      setList((current) =>
        outcome.ok ? { producers: outcome.value, error: null } : { producers: current.producers, error: outcome.error },
      );
    });
    return () => {
      live = false;
    };
  }, [query, archived, version]);

  return list;
}
