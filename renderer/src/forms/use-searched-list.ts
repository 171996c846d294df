/**
 * A list screen's records matching the search box and the archived filter,
 * asked of the main process on every keystroke. A slower answer to an older
 * query must not overwrite a newer one, hence the `live` flag.
 */
import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { InputOf, ResultOf } from '../../../shared/contract/operations';
import type { ArchivedFilter } from '../../../shared/model/producer';
import { call } from '../client';

type ListOperation = 'producers.list' | 'members.list';

export interface SearchedList<N extends ListOperation> {
  /** null until the first answer; afterwards the last good list stays while the next one loads. */
  items: ResultOf<N> | null;
  error: AppError | null;
}

export function useSearchedList<N extends ListOperation>(operation: N, query: string, archived: ArchivedFilter, version: number): SearchedList<N> {
  const [list, setList] = useState<SearchedList<N>>({ items: null, error: null });

  useEffect(() => {
    let live = true;
    // Both list operations take the same { query, archived } input; TypeScript cannot see that through the generic.
    void call(operation, { query, archived } as InputOf<N>).then((outcome) => {
      if (!live) return;
      setList((current) => (outcome.ok ? { items: outcome.value as ResultOf<N>, error: null } : { items: current.items, error: outcome.error }));
    });
    return () => {
      live = false;
    };
  }, [operation, query, archived, version]);

  return list;
}
