import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { MessageKey } from '../../../shared/i18n/messages';
import type { Producer } from '../../../shared/model/producer';
import type { SyncSettings } from '../../../shared/sync/settings';
import { call } from '../client';
import { ErrorSummary } from '../forms/ErrorSummary';
import { Field, type ControlProps } from '../forms/Field';
import { focusFirstInvalid, issuesFor, labelForPath } from '../forms/field-issues';
import { SaveButton } from '../forms/SaveButton';
import { useI18n } from '../i18n/i18n-context';
import { readSyncSettingsText, SYNC_FIELDS, syncSettingsText, type SyncFieldName, type SyncSettingsText } from './sync-settings-draft';

const FORM = 'sync';

/** The system's folder dialog exists in the Electron window (its preload bridge); in a browser the path is typed. */
const CAN_CHOOSE_FOLDER = typeof window !== 'undefined' && window.cabas !== undefined;

const LABELS: Record<SyncFieldName, MessageKey> = {
  role: 'sync.field.role',
  producerId: 'sync.field.producerId',
  teamFolder: 'sync.field.teamFolder',
  producersFolder: 'sync.field.producersFolder',
  autoSyncMinutes: 'sync.field.autoSyncMinutes',
};

interface SyncSettingsFormProps {
  settings: SyncSettings;
  /** Active producers of this copy: empty on a new producer's copy until its first sync. */
  producers: readonly Producer[];
  onSaved: (settings: SyncSettings) => void;
}

/** This copy's role and folders. A refused save (a folder not found…) changes nothing and keeps what was typed. */
export function SyncSettingsForm({ settings, producers, onSaved }: SyncSettingsFormProps) {
  const { t } = useI18n();
  const [text, setText] = useState<SyncSettingsText>(() => syncSettingsText(settings));
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const byField = useMemo(() => issuesFor(error, SYNC_FIELDS), [error]);
  useEffect(() => focusFirstInvalid(FORM, SYNC_FIELDS, byField), [byField]);

  async function save() {
    const read = readSyncSettingsText(text);
    if (!read.ok) return setError({ key: 'error.invalidInput', issues: read.issues });
    setBusy(true);
    const outcome = await call('sync.saveSettings', read.patch);
    setBusy(false);
    if (!outcome.ok) return setError(outcome.error);
    setError(null);
    setText(syncSettingsText(outcome.value));
    onSaved(outcome.value);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!busy) void save();
  }

  const edit = <K extends keyof SyncSettingsText>(name: K, value: SyncSettingsText[K]) => setText((current) => ({ ...current, [name]: value }));
  const producerCopy = text.role === 'producer';

  const field = (name: SyncFieldName, control: (props: ControlProps) => ReactNode, hint?: string) => (
    <Field form={FORM} name={name} label={t(LABELS[name])} issue={byField[name]} hint={hint}>
      {control}
    </Field>
  );

  async function chooseFolder(name: 'teamFolder' | 'producersFolder') {
    const outcome = await call('sync.chooseFolder', {});
    if (outcome.ok && outcome.value.path !== null) edit(name, outcome.value.path);
  }

  const folderInput = (name: 'teamFolder' | 'producersFolder', disabled = false) => (props: ControlProps) => (
    <div className="sync-path-row">
      <input
        {...props}
        name={name}
        value={text[name]}
        disabled={disabled}
        autoComplete="off"
        spellCheck={false}
        className="sync-path-input"
        onChange={(event) => edit(name, event.target.value)}
      />
      {CAN_CHOOSE_FOLDER && (
        <button
          type="button"
          className="button"
          disabled={disabled}
          aria-label={t('sync.chooseFolderLabel', { field: t(LABELS[name]) })}
          onClick={() => void chooseFolder(name)}
        >
          {t('sync.chooseFolder')}
        </button>
      )}
    </div>
  );

  return (
    <form onSubmit={submit} noValidate className="form sync-form">
      <ErrorSummary error={error} labelFor={labelForPath(SYNC_FIELDS, (name) => t(LABELS[name]))} />
      <div className="form-grid">
        {field('role', (props) => (
          <select {...props} value={text.role} onChange={(event) => edit('role', event.target.value as SyncSettingsText['role'])}>
            <option value="organiser">{t('sync.role.organiser')}</option>
            <option value="producer">{t('sync.role.producer')}</option>
          </select>
        ))}
        {producerCopy &&
          field(
            'producerId',
            (props) => (
              <select {...props} value={text.producerId} onChange={(event) => edit('producerId', event.target.value)}>
                <option value="">{t('sync.chooseProducer')}</option>
                {producers.map((producer) => (
                  <option key={producer.id} value={producer.id}>
                    {producer.name}
                  </option>
                ))}
              </select>
            ),
            producers.length === 0 ? t('sync.noProducersYet') : undefined,
          )}
      </div>
      <fieldset className="form-section">
        <legend>{t('sync.sharedFolders')}</legend>
        <p className="field-hint">{t('sync.folderHint')}</p>
        <div className="form-grid">
          {field('teamFolder', folderInput('teamFolder', producerCopy), producerCopy ? t('sync.teamFolderProducerCopy') : t('sync.teamFolderHint'))}
          {field('producersFolder', folderInput('producersFolder'), t('sync.producersFolderHint'))}
        </div>
      </fieldset>
      <div className="form-grid">
        {field(
          'autoSyncMinutes',
          (props) => (
            <input
              {...props}
              name="autoSyncMinutes"
              inputMode="numeric"
              value={text.autoSyncMinutes}
              autoComplete="off"
              className="sync-minutes-input"
              onChange={(event) => edit('autoSyncMinutes', event.target.value)}
            />
          ),
          t('sync.autoSyncHint'),
        )}
      </div>
      <div className="form-actions">
        <SaveButton busy={busy} />
      </div>
    </form>
  );
}
