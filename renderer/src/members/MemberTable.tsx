import { formatDay } from '../../../shared/i18n/format';
import type { Member } from '../../../shared/model/member';
import { RowActions } from '../forms/RowActions';
import { useI18n } from '../i18n/i18n-context';
import { areaHref } from '../shell/areas';

const ROW_LABELS = { edit: 'members.editLabel', archive: 'members.archiveLabel', restore: 'members.restoreLabel' } as const;

interface MemberTableProps {
  members: Member[];
  onEdit: (member: Member) => void;
  onArchive: (member: Member) => void;
  onRestore: (member: Member) => void;
  busyId: string | null;
}

/** One row per member: how to reach them, when they like to pick up, and what to remember about them. */
export function MemberTable({ members, onEdit, onArchive, onRestore, busyId }: MemberTableProps) {
  const { t, language, timeZone } = useI18n();
  const none = <span className="muted">{t('common.none')}</span>;
  return (
    <div className="table-frame">
      <table className="table member-table">
        <caption className="visually-hidden">{t('members.list')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('members.field.name')}</th>
            <th scope="col">{t('members.field.phone')}</th>
            <th scope="col">{t('members.field.email')}</th>
            <th scope="col">{t('members.column.pickupTime')}</th>
            <th scope="col">{t('members.field.notes')}</th>
            <th scope="col">{t('accounts.fromMembers')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => {
            const archived = member.archivedAt !== null;
            return (
              <tr key={member.id} className={archived ? 'row-archived' : undefined}>
                <th scope="row">
                  <span className="member-name">{member.name}</span>
                  {archived && <span className="archived-note">{t('members.archivedOn', { date: formatDay(language, member.archivedAt!, timeZone) })}</span>}
                </th>
                <td className="member-phone">{member.phone || none}</td>
                <td className="member-email">{member.email || none}</td>
                <td className="member-time">{member.preferredPickupTime ?? none}</td>
                <td className="member-notes">{member.notes || none}</td>
                <td>
                  <a href={areaHref('accounts', member.id)} aria-label={t('accounts.openLabel', { name: member.name })}>
                    {t('accounts.open')}
                  </a>
                </td>
                <RowActions
                  name={member.name}
                  archived={archived}
                  busy={busyId === member.id}
                  labels={ROW_LABELS}
                  onEdit={() => onEdit(member)}
                  onArchive={() => onArchive(member)}
                  onRestore={() => onRestore(member)}
                />
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
