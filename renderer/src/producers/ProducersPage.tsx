import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { ArchivedFilter, Producer } from '../../../shared/model/producer';
import { call } from '../client';
import { ConfirmDialog } from '../dialog/ConfirmDialog';
import { PageError } from '../forms/PageError';
import { StatusMessage, type Notice } from '../forms/StatusMessage';
import { useI18n } from '../i18n/i18n-context';
import { PageHeading } from '../shell/PageHeading';
import { ProducerDialog } from './ProducerDialog';
import { ProducersEmpty } from './ProducersEmpty';
import { ProducersToolbar } from './ProducersToolbar';
import { ProducerTable } from './ProducerTable';
import { useProducerList } from './use-producer-list';
import './producers.css';

type Editing = { producer?: Producer } | null;

export function ProducersPage() {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [archived, setArchived] = useState<ArchivedFilter>('active');
  const [version, setVersion] = useState(0);
  const list = useProducerList(query, archived, version);

  const [editing, setEditing] = useState<Editing>(null);
  const [archiving, setArchiving] = useState<Producer | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [actionError, setActionError] = useState<AppError | null>(null);

  const changed = (next: Notice) => {
    setNotice(next);
    setActionError(null);
    setVersion((current) => current + 1);
  };

  async function archive(producer: Producer) {
    setBusyId(producer.id);
    const outcome = await call('producers.archive', { id: producer.id });
    setBusyId(null);
    setArchiving(null);
    if (outcome.ok) changed({ key: 'producers.archivedDone', params: { name: producer.name } });
    else setActionError(outcome.error);
  }

  async function restore(producer: Producer) {
    setBusyId(producer.id);
    const outcome = await call('producers.restore', { id: producer.id });
    setBusyId(null);
    if (outcome.ok) changed({ key: 'producers.restoredDone', params: { name: producer.name } });
    else setActionError(outcome.error);
  }

  const producers = list.producers;
  // Archiving or restoring can take away the row whose button had the focus: land on the heading, not on <body>.
  useEffect(() => {
    if (version > 0 && document.activeElement === document.body) document.querySelector<HTMLElement>('main h1')?.focus();
  }, [producers, version]);

  return (
    <>
      <div className="page-head">
        <PageHeading>{t('producers.title')}</PageHeading>
        <button type="button" className="button button-primary" onClick={() => setEditing({})}>
          {t('producers.new')}
        </button>
      </div>
      <StatusMessage notice={notice} />
      <PageError error={actionError ?? list.error} />
      <ProducersToolbar query={query} onQuery={setQuery} archived={archived} onArchived={setArchived} />
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
          busyId={busyId}
          onEdit={(producer) => setEditing({ producer })}
          onArchive={setArchiving}
          onRestore={(producer) => void restore(producer)}
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
      {archiving && (
        <ConfirmDialog
          title={t('producers.archiveTitle')}
          body={t('producers.archiveConfirm', { name: archiving.name })}
          confirmLabel={t('common.archive')}
          busy={busyId === archiving.id}
          onConfirm={() => void archive(archiving)}
          onCancel={() => setArchiving(null)}
        />
      )}
    </>
  );
}
