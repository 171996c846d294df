/**
 * The members matching the search box and the archived filter, asked of the
 * main process on every keystroke. A slower answer to an older query must not
 * overwrite a newer one, hence the `live` flag.
 */
import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { Member } from '../../../shared/model/member';
import type { ArchivedFilter } from '../../../shared/model/producer';
import { call } from '../client';

export interface MemberList {
  /** null until the first answer; afterwards the last good list stays while the next one loads. */
  members: Member[] | null;
  error: AppError | null;
}

export function useMemberList(query: string, archived: ArchivedFilter, version: number): MemberList {
  const [list, setList] = useState<MemberList>({ members: null, error: null });

  useEffect(() => {
    let live = true;
    void call('members.list', { query, archived }).then((outcome) => {
      if (!live) return;
      setList((current) => (outcome.ok ? { members: outcome.value, error: null } : { members: current.members, error: outcome.error }));
    });
    return () => {
      live = false;
    };
  }, [query, archived, version]);

  return list;
}
