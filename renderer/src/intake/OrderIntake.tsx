import { useId, useRef, useState, type ChangeEvent } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { IntakePlan } from '../../../shared/intake/plan';
import { call } from '../client';
import { PageError } from '../forms/PageError';
import { StatusMessage, type Notice } from '../forms/StatusMessage';
import { useI18n } from '../i18n/i18n-context';
import { isZipName, readZippedForms } from '../../../shared/intake/zip-forms';
import { bytesToBase64, MAX_IMPORT_BYTES } from '../import/file-bytes';
import { rememberChoices, rememberedChoices, type Choice } from '../import/remembered-mapping';
import { downloadBase64 } from './download';
import { OrderIntakePreview } from './OrderIntakePreview';
import '../import/import.css';
import './intake.css';

const FORMATS = ['xlsx', 'ods', 'csv'] as const;
type Format = (typeof FORMATS)[number];
const ACCEPTED = ['.csv', '.tsv', '.txt', '.xlsx', '.ods', '.xls', '.zip'].join(',');
const MAPPING_KIND = 'intake.formExport';
type Files = { name: string; contentBase64: string; mapping?: Choice[] }[];

interface OrderIntakeProps {
  distributionId: string;
  /** Ordering is closed: the orders are recorded as late ones, when the organiser says so. */
  late: boolean;
  /** After a write: the page reads its orders again. */
  onImported: () => void;
}

/**
 * Orders by spreadsheet on a distribution's orders page: the order form to
 * send (one file, or one pre-filled file per member), and the returned files
 * or an online form's export, several at once, previewed before anything is written.
 */
export function OrderIntake({ distributionId, late, onImported }: OrderIntakeProps) {
  const { t } = useI18n();
  const titleId = useId();
  const inputId = useId();
  const formatId = useId();
  const [format, setFormat] = useState<Format>('xlsx');
  const [perMember, setPerMember] = useState(false);
  const [lateOrders, setLateOrders] = useState(false);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [shown, setShown] = useState<{ files: Files; plan: IntakePlan } | null>(null);

  async function download() {
    setBusy(true);
    setError(null);
    setNotice({ key: 'intake.ui.downloading' });
    const outcome = await call('orders.orderForms', { distributionId, format, perMember });
    setBusy(false);
    if (!outcome.ok) {
      setNotice(null);
      return setError(outcome.error);
    }
    for (const file of outcome.value.files) downloadBase64(file.fileName, file.contentBase64);
    setNotice({ key: 'intake.ui.downloaded', params: { count: outcome.value.files.length } });
  }

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const chosen = [...(input.files ?? [])];
    // Cleared at once, so choosing the same files again (a re-import) is a change too.
    input.value = '';
    if (chosen.length === 0 || busyRef.current) return;
    setError(null);
    if (chosen.reduce((sum, file) => sum + file.size, 0) > MAX_IMPORT_BYTES) {
      setNotice(null);
      return setError({ key: 'intake.ui.tooBig', params: { max: MAX_IMPORT_BYTES / 1_000_000 } });
    }
    busyRef.current = true;
    setBusy(true);
    setNotice({ key: 'intake.ui.reading' });
    const refuse = (refusal: AppError) => {
      busyRef.current = false;
      setBusy(false);
      setNotice(null);
      setError(refusal);
    };
    const files: Files = [];
    let sent = 0;
    for (const file of chosen) {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await file.arrayBuffer());
      } catch {
        return refuse({ key: 'intake.ui.unreadable', params: { name: file.name } });
      }
      if (!isZipName(file.name)) {
        sent += bytes.length;
        files.push({ name: file.name, contentBase64: bytesToBase64(bytes) });
        continue;
      }
      // A zip of returned forms: each file inside previewed as if picked on its own.
      const read = readZippedForms(file.name, bytes, MAX_IMPORT_BYTES);
      if (!read.ok) return refuse({ key: read.key, params: read.params });
      for (const inside of read.files) {
        sent += inside.bytes.length;
        files.push({ name: inside.name, contentBase64: bytesToBase64(inside.bytes) });
      }
    }
    // Unzipped, the files may weigh more than what was picked: the same limit, on what is sent.
    if (sent > MAX_IMPORT_BYTES) {
      return refuse({ key: 'intake.ui.tooBig', params: { max: MAX_IMPORT_BYTES / 1_000_000 } });
    }
    let outcome = await call('orders.previewImport', { distributionId, files, late: late && lateOrders });
    // An export of a form already mapped by hand (last week's, with the same questions) is read the same way again.
    if (outcome.ok) {
      const plan = outcome.value;
      let remembered = false;
      files.forEach((file, index) => {
        const mappings = plan.files[index]?.mappings;
        const choices = mappings && rememberedChoices(MAPPING_KIND, mappings);
        if (choices) [file.mapping, remembered] = [choices, true];
      });
      if (remembered) outcome = await call('orders.previewImport', { distributionId, files, late: late && lateOrders });
    }
    busyRef.current = false;
    setBusy(false);
    setNotice(null);
    if (!outcome.ok) return setError(outcome.error);
    setShown({ files, plan: outcome.value });
  }

  async function remap(fileIndex: number, position: number, choice: Choice) {
    const mappings = shown?.plan.files[fileIndex]?.mappings;
    if (!shown || !mappings) return;
    const mapping = mappings.map((each) => each.column as Choice);
    mapping[position] = choice;
    // A field or a product feeds from one column: choosing it here takes it from the column that had it.
    mapping.forEach((other, index) => {
      if (index !== position && choice !== null && other === choice) mapping[index] = null;
    });
    const files = shown.files.map((file, index) => (index === fileIndex ? { ...file, mapping } : file));
    setBusy(true);
    const outcome = await call('orders.previewImport', { distributionId, files, late: late && lateOrders });
    setBusy(false);
    if (!outcome.ok) return setError(outcome.error);
    rememberChoices(MAPPING_KIND, mappings.flatMap((each, index) => (mapping[index] !== each.column ? [{ header: each.header, choice: mapping[index]! }] : [])));
    setShown({ files, plan: outcome.value });
  }

  async function confirm() {
    if (!shown) return;
    setBusy(true);
    const outcome = await call('orders.import', { distributionId, files: shown.files, late: late && lateOrders });
    setBusy(false);
    setShown(null);
    if (!outcome.ok) return setError(outcome.error);
    setNotice({ key: 'intake.ui.done', params: { ...outcome.value } });
    onImported();
  }

  return (
    <section className="order-section intake" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('intake.ui.title')}</h2>
      <p className="muted">{t('intake.ui.intro')}</p>
      <div className="intake-row">
        <h3>{t('intake.ui.formTitle')}</h3>
        <label htmlFor={formatId}>{t('intake.ui.format')}</label>{' '}
        <select id={formatId} value={format} onChange={(event) => setFormat(event.currentTarget.value as Format)} disabled={busy}>
          {FORMATS.map((each) => (
            <option key={each} value={each}>
              {`.${each}`}
            </option>
          ))}
        </select>{' '}
        <label>
          <input type="checkbox" checked={perMember} onChange={(event) => setPerMember(event.currentTarget.checked)} disabled={busy} />{' '}
          {t('intake.ui.perMember')}
        </label>{' '}
        <button type="button" className="button" onClick={() => void download()} disabled={busy}>
          {t('intake.ui.download')}
        </button>
      </div>
      <div className="intake-row">
        <h3>{t('intake.ui.importTitle')}</h3>
        {late && (
          <label>
            <input type="checkbox" checked={lateOrders} onChange={(event) => setLateOrders(event.currentTarget.checked)} disabled={busy} />{' '}
            {t('intake.ui.late')}
          </label>
        )}{' '}
        <p className="muted">{t('intake.ui.zipHint')}</p>
        <label htmlFor={inputId} className={busy ? 'button file-button file-button-busy' : 'button file-button'} aria-busy={busy || undefined}>
          {t('intake.ui.choose')}
          <input id={inputId} type="file" multiple accept={ACCEPTED} className="file-input" onChange={(event) => void choose(event)} />
        </label>
      </div>
      <StatusMessage notice={notice} />
      <PageError error={error} />
      {shown && (
        <OrderIntakePreview
          plan={shown.plan}
          busy={busy}
          onImport={() => void confirm()}
          onRemap={(file, position, choice) => void remap(file, position, choice)}
          onCancel={() => {
            setShown(null);
            setNotice({ key: 'intake.ui.cancelled' });
          }}
        />
      )}
    </section>
  );
}
