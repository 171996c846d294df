import { useState } from 'react';
import type { ArchivedFilter, Producer } from '../../../shared/model/producer';
import { call } from '../client';
import { ArchiveConfirm } from '../forms/ArchiveConfirm';
import { ArchivedChoice, SearchField } from '../forms/ListFilters';
import { PageError } from '../forms/PageError';
import { StatusMessage } from '../forms/StatusMessage';
import { useArchiveFlow } from '../forms/use-archive-flow';
import { useHeadingFocusAfterChange, usePageChanges } from '../forms/use-page-changes';
import { useSearchedList } from '../forms/use-searched-list';
import { useI18n } from '../i18n/i18n-context';
import { PageHeading } from '../shell/PageHeading';
import { ProducerDialog } from './ProducerDialog';
import { ProducersEmpty } from './ProducersEmpty';
import { ProducersImport } from './ProducersImport';
import { PeopleExport } from '../import/PeopleExport';
import { ProducerTable } from './ProducerTable';
import './producers.css';

type Editing = { producer?: Producer } | null;

/** The farms the relay buys from: found as you type, archived rather than deleted. */
export function ProducersPage() {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [archived, setArchived] = useState<ArchivedFilter>('active');
  const { version, notice, setNotice, actionError, setActionError, changed } = usePageChanges();
  const list = useSearchedList('producers.list', query, archived, version);
  const [editing, setEditing] = useState<Editing>(null);
  const archiving = useArchiveFlow<Producer>({
    archive: (producer) => call('producers.archive', { id: producer.id }),
    restore: (producer) => call('producers.restore', { id: producer.id }),
    notices: { archived: 'producers.archivedDone', restored: 'producers.restoredDone' },
    onChanged: changed,
    onError: setActionError,
  });

  const producers = list.items;
  useHeadingFocusAfterChange(producers, version);

  return (
    <>
      <div className="page-head">
        <PageHeading>{t('producers.title')}</PageHeading>
        <div className="producers-actions">
          <button type="button" className="button button-primary" onClick={() => setEditing({})}>
            {t('producers.new')}
          </button>
          <ProducersImport onNotice={setNotice} onError={setActionError} onImported={changed} />
          <PeopleExport operation="producers.export" onNotice={setNotice} onError={setActionError} />
        </div>
      </div>
      <StatusMessage notice={notice} />
      <PageError error={actionError ?? list.error} />
      <div className="toolbar">
        <SearchField
          id="producer-search"
          label={t('producers.searchLabel')}
          placeholder={t('producers.searchPlaceholder')}
          value={query}
          onChange={setQuery}
        />
        <ArchivedChoice
          name="producer-archived"
          legend={t('producers.filter')}
          labels={{ active: t('producers.filter.active'), archived: t('producers.filter.archived'), all: t('producers.filter.all') }}
          value={archived}
          onChange={setArchived}
        />
      </div>
      <p className="list-count" aria-live="polite">
        {producers && t('producers.count', { count: producers.length })}
      </p>
      {producers === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : producers.length === 0 ? (
        <ProducersEmpty query={query} archived={archived} />
      ) : (
        <ProducerTable
          producers={producers}
          busyId={archiving.busyId}
          onEdit={(producer) => setEditing({ producer })}
          onArchive={archiving.ask}
          onRestore={archiving.restore}
        />
      )}
      {editing && (
        <ProducerDialog
          producer={editing.producer}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            changed(saved);
          }}
        />
      )}
      <ArchiveConfirm flow={archiving} title="producers.archiveTitle" body="producers.archiveConfirm" />
    </>
  );
}
