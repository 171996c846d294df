import { randomUUID } from 'node:crypto';
import { UserError } from '../../shared/contract/errors';
import type { ArchivedFilter } from '../../shared/model/producer';
import type { Member, MemberFields } from '../../shared/model/member';
import { compareText, matchesQuery } from '../../shared/text/normalise';
import type { Store, Transaction } from '../store/store';

function existing(tx: Store | Transaction, id: string): Member {
  const member = tx.get('member', id);
  if (!member) throw new UserError('error.memberNotFound');
  return member;
}

export function filterMembers(members: Iterable<Member>, { query = '', archived }: { query?: string; archived: ArchivedFilter }): Member[] {
  return [...members]
    .filter((member) => archived === 'all' || (archived === 'archived') === (member.archivedAt !== null))
    .filter((member) => matchesQuery(query, [member.name, member.email, member.phone]))
    .sort((a, b) => compareText(a.name, b.name));
}

export function membersService(store: () => Store, now: () => Date) {
  const stamp = () => now().toISOString();
  const setArchived = (id: string, archived: boolean) =>
    store().transact((tx) => {
      const member = existing(tx, id);
      if ((member.archivedAt !== null) === archived) return member;
      return tx.put('member', { ...member, archivedAt: archived ? stamp() : null, updatedAt: stamp() });
    });

  return {
    'members.list': async (query: { query?: string; archived: ArchivedFilter }) => filterMembers(store().all('member'), query),
    'members.create': (draft: MemberFields) =>
      store().transact((tx) => {
        const at = stamp();
        return tx.put('member', { ...draft, id: randomUUID(), archivedAt: null, createdAt: at, updatedAt: at });
      }),
    'members.update': ({ id, changes }: { id: string; changes: Partial<MemberFields> }) =>
      store().transact((tx) => {
        const member = existing(tx, id);
        const next = { ...member, ...changes };
        // An unchanged form is not a change: no new record, no rewrite.
        if (JSON.stringify(next) === JSON.stringify(member)) return member;
        return tx.put('member', { ...next, updatedAt: stamp() });
      }),
    'members.archive': ({ id }: { id: string }) => setArchived(id, true),
    'members.restore': ({ id }: { id: string }) => setArchived(id, false),
  };
}
