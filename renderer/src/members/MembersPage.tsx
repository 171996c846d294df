import { useState } from 'react';
import type { Member } from '../../../shared/model/member';
import type { ArchivedFilter } from '../../../shared/model/producer';
import { call } from '../client';
import { ArchivedChoice, SearchField } from '../forms/ListFilters';
import { ArchiveConfirm } from '../forms/ArchiveConfirm';
import { PageError } from '../forms/PageError';
import { StatusMessage } from '../forms/StatusMessage';
import { useArchiveFlow } from '../forms/use-archive-flow';
import { useHeadingFocusAfterChange, usePageChanges } from '../forms/use-page-changes';
import { useSearchedList } from '../forms/use-searched-list';
import { Pager } from '../forms/Pager';
import { usePage } from '../forms/use-page';
import { useI18n } from '../i18n/i18n-context';
import { PageHeading } from '../shell/PageHeading';
import { MemberDialog } from './MemberDialog';
import { MembersImport } from './MembersImport';
import { PeopleExport } from '../import/PeopleExport';
import { MemberTable } from './MemberTable';
import './members.css';

type Editing = { member?: Member } | null;

/** The people who order: found as you type, added by hand or from a spreadsheet, archived rather than deleted. */
export function MembersPage() {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [archived, setArchived] = useState<ArchivedFilter>('active');
  const { version, notice, setNotice, actionError, setActionError, changed } = usePageChanges();
  const list = useSearchedList('members.list', query, archived, version);
  const [editing, setEditing] = useState<Editing>(null);
  const archiving = useArchiveFlow<Member>({
    archive: (member) => call('members.archive', { id: member.id }),
    restore: (member) => call('members.restore', { id: member.id }),
    notices: { archived: 'members.archivedDone', restored: 'members.restoredDone' },
    onChanged: changed,
    onError: setActionError,
  });

  const members = list.items;
  const page = usePage(members ?? [], `${archived}:${query}`);
  useHeadingFocusAfterChange(members, version);

  return (
    <>
      <div className="page-head">
        <PageHeading>{t('members.title')}</PageHeading>
        <div className="members-actions">
          <button type="button" className="button button-primary" onClick={() => setEditing({})}>
            {t('members.new')}
          </button>
          <MembersImport onNotice={setNotice} onError={setActionError} onImported={changed} />
          <PeopleExport operation="members.export" onNotice={setNotice} onError={setActionError} />
        </div>
      </div>
      <StatusMessage notice={notice} />
      <PageError error={actionError ?? list.error} />
      <div className="toolbar">
        <SearchField
          id="member-search"
          label={t('members.searchLabel')}
          placeholder={t('members.searchPlaceholder')}
          value={query}
          onChange={setQuery}
        />
        <ArchivedChoice
          name="member-archived"
          legend={t('members.filter')}
          labels={{ active: t('members.filter.active'), archived: t('members.filter.archived'), all: t('members.filter.all') }}
          value={archived}
          onChange={setArchived}
        />
      </div>
      <p className="list-count" aria-live="polite">
        {members && t('members.count', { count: members.length })}
      </p>
      {members === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : members.length === 0 ? (
        <p className="empty-state">
          {query.trim() !== ''
            ? t('members.noMatch', { query: query.trim() })
            : archived === 'archived'
              ? t('members.noArchived')
              : t('members.empty')}
        </p>
      ) : (
        <>
          <MemberTable
          members={page.rows}
          busyId={archiving.busyId}
          onEdit={(member) => setEditing({ member })}
          onArchive={archiving.ask}
          onRestore={archiving.restore}
          />
          <Pager page={page} />
        </>
      )}
      {editing && (
        <MemberDialog
          member={editing.member}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            changed(saved);
          }}
        />
      )}
      <ArchiveConfirm flow={archiving} title="members.archiveTitle" body="members.archiveConfirm" />
    </>
  );
}
