import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError, Outcome } from '../../../shared/contract/errors';
import { formatDateTime, longDay } from '../../../shared/i18n/format';
import { canDiscard, canRetry } from '../../../shared/outbox/state';
import type { OutboxListedMessage, OutboxView } from '../../../shared/outbox/views';
import { call } from '../client';
import { ConfirmDialog } from '../dialog/ConfirmDialog';
import { PageError } from '../forms/PageError';
import { Pager } from '../forms/Pager';
import { StatusMessage, type Notice } from '../forms/StatusMessage';
import type { Page } from '../forms/use-page';
import { useI18n } from '../i18n/i18n-context';
import { useLatestAnswer } from '../latest-answer';
import { PageHeading } from '../shell/PageHeading';
import { DoubledNotice } from './DoubledNotice';
import { MailSettingsSection } from './MailSettingsSection';
import { MessagePreview } from './MessagePreview';
import { statusText } from './status-text';
import './outbox.css';

const REFRESH_MS = 5_000;

/** The page the host sent, as the Pager draws it; the host keeps a page past the end within the list. */
function servedPage(view: OutboxView | null, setIndex: (index: number) => void): Page<OutboxListedMessage> {
  const rows = view?.messages ?? [];
  const start = view?.start ?? 0;
  const total = view?.total ?? 0;
  const pageSize = view?.pageSize ?? 1;
  const index = Math.floor(start / pageSize);
  return {
    rows,
    start,
    total,
    pageSize,
    previous: index > 0 ? () => setIndex(index - 1) : null,
    next: start + rows.length < total ? () => setIndex(index + 1) : null,
  };
}

/** `#/outbox`: the messages prepared when ordering closes, what became of each, and this computer's sending settings. */
export function OutboxPage() {
  const i18n = useI18n();
  const { t, language, timeZone } = i18n;
  const [view, setView] = useState<OutboxView | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [sending, setSending] = useState(false);
  const [preview, setPreview] = useState<OutboxListedMessage | null>(null);
  const [discarding, setDiscarding] = useState<OutboxListedMessage | null>(null);
  // The host sends one page (outbox.list): years of messages never travel whole.
  const [pageIndex, setPageIndex] = useState(0);
  const page = servedPage(view, setPageIndex);
  const listHeading = useRef<HTMLHeadingElement>(null);

  // The list is read again after an action and every few seconds, as the sender works in the background. A read still
  // on its way when an action's answer is shown may hold the state before it (the doubled-sending notice would come
  // back until the next read): it is dropped, as is a read of the page left.
  const answers = useLatestAnswer();
  /** Reads the page shown; null when an answer asked later is already on screen. */
  const read = useCallback(async () => {
    const place = answers.ask();
    const outcome = await call('outbox.list', { page: pageIndex });
    return answers.keep(place) ? outcome : null;
  }, [answers, pageIndex]);
  const show = useCallback((outcome: Outcome<OutboxView> | null) => {
    if (!outcome) return;
    if (outcome.ok) setView(outcome.value);
    setError(outcome.ok ? null : outcome.error);
  }, []);

  useEffect(() => {
    answers.dropEarlier();
    const load = () => void read().then(show);
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => clearInterval(timer);
  }, [answers, read, show]);

  /** Shows an action's answer: the list as it stands after the action. */
  function showAnswer(answered: OutboxView) {
    answers.dropEarlier();
    setView(answered);
  }

  /** After an action that answers without the list: reads it again, dropping the reads asked before the change. */
  function reloadAfterAction() {
    answers.dropEarlier();
    void read().then(show);
  }

  async function sendNow() {
    setSending(true);
    const outcome = await call('outbox.sendNow', { page: pageIndex });
    setSending(false);
    if (outcome.ok) showAnswer(outcome.value);
    setError(outcome.ok ? null : outcome.error);
  }

  async function sendFromHere() {
    const outcome = await call('mail.sendFromHere', { page: pageIndex });
    if (!outcome.ok) return setError(outcome.error);
    showAnswer(outcome.value);
    setNotice({ key: 'outbox.sendingFromHere' });
  }

  async function sendWaitingHere() {
    const outcome = await call('mail.sendWaitingHere', { page: pageIndex });
    if (!outcome.ok) return setError(outcome.error);
    showAnswer(outcome.value);
    setNotice({ key: 'outbox.sentWaitingHere' });
  }

  async function dismissDoubled() {
    const outcome = await call('mail.dismissDoubled', { page: pageIndex });
    if (!outcome.ok) return setError(outcome.error);
    // The focused button goes with the notice: the keyboard carries on from the list's heading, not the top of the page.
    listHeading.current?.focus();
    showAnswer(outcome.value);
  }

  async function act(message: OutboxListedMessage, action: 'retry' | 'discard') {
    const outcome = await call(action === 'retry' ? 'outbox.retry' : 'outbox.discard', { id: message.id });
    setDiscarding(null);
    if (!outcome.ok) return setError(outcome.error);
    setNotice({ key: action === 'retry' ? 'outbox.retried' : 'outbox.discarded', params: { name: message.toName } });
    reloadAfterAction();
  }

  async function exportFiles(distributionId: string) {
    const outcome = await call('outbox.exportFiles', { distributionId });
    if (!outcome.ok) return setError(outcome.error);
    const { files, folder, opened } = outcome.value;
    setNotice({ key: opened ? 'outbox.opened' : 'outbox.exported', params: { count: files.length, folder } });
  }

  const connection = view?.connection;
  const distributions = [...new Map((view?.messages ?? []).map((message) => [message.distributionId, message.pickupDate])).entries()];

  return (
    <>
      <PageHeading>{t('outbox.title')}</PageHeading>
      <StatusMessage notice={notice} />
      <PageError error={error} />
      <section className="panel" aria-labelledby="outbox-messages">
        <div className="panel-head">
          <h2 id="outbox-messages" ref={listHeading} tabIndex={-1}>
            {t('nav.outbox')}
          </h2>
          <button type="button" className="button button-primary" onClick={() => void sendNow()} disabled={sending || !view?.sendingSet}>
            {sending ? t('outbox.sending') : t('outbox.sendNow')}
          </button>
        </div>
        <p className="muted">{t('outbox.intro')}</p>
        {view?.doubled && <DoubledNotice doubled={view.doubled} onDismiss={() => void dismissDoubled()} />}
        {view?.working && (
          <p className="outbox-working" aria-live="polite" data-testid="outbox-working">
            {t('outbox.working')}
          </p>
        )}
        {view?.sendingCopy === 'elsewhere' && (
          <p className="outbox-elsewhere" data-testid="outbox-elsewhere">
            {t('outbox.sentElsewhere')}{' '}
            {view.sendingSet && (
              <button type="button" className="button button-small" onClick={() => void sendFromHere()}>
                {t('outbox.sendFromHere')}
              </button>
            )}
          </p>
        )}
        {view?.sendingCopy === 'here' && view.waitingFromBefore > 0 && (
          <p className="outbox-elsewhere" data-testid="outbox-waiting-from-before">
            {t('outbox.waitingFromBefore', { count: view.waitingFromBefore })}{' '}
            <button type="button" className="button button-small" onClick={() => void sendWaitingHere()}>
              {t('outbox.sendWaitingHere')}
            </button>
          </p>
        )}
        {connection && (
          <p className="outbox-connection" data-testid="outbox-connection">
            {connection.state === 'notSet' && view.sendingCopy !== 'elsewhere' && t('outbox.connection.notSet')}
            {connection.state === 'online' && t('outbox.connection.online', { at: formatDateTime(language, connection.at, timeZone) })}
            {connection.state === 'offline' && t('outbox.connection.offline', { reason: connection.reason })}
            {connection.state === 'otherCopy' && t('outbox.connection.otherCopy')}
            {connection.state === 'awaitingRole' && t('outbox.connection.awaitingRole')}
          </p>
        )}
        {distributions.map(([distributionId, pickupDate]) => (
          <button key={distributionId} type="button" className="button" onClick={() => void exportFiles(distributionId)}>
            {t('outbox.exportFiles')} — {longDay(language, pickupDate)}
          </button>
        ))}
        {view && view.messages.length === 0 && <p>{t('outbox.empty')}</p>}
        {view && view.messages.length > 0 && (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('outbox.column.day')}</th>
                <th scope="col">{t('outbox.column.kind')}</th>
                <th scope="col">{t('outbox.column.to')}</th>
                <th scope="col">{t('outbox.column.status')}</th>
                <th scope="col">{t('outbox.column.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((message) => (
                <tr key={message.id}>
                  <td>{longDay(language, message.pickupDate)}</td>
                  <td>{message.update ? t('outbox.kind.update', { kind: t(`outbox.kind.${message.kind}`) }) : t(`outbox.kind.${message.kind}`)}</td>
                  <th scope="row">
                    {message.toName}
                    {message.toEmail === '' && <span className="muted"> ({t('outbox.noAddress')})</span>}
                  </th>
                  <td className={`outbox-status-${message.status}`}>
                    {statusText(i18n, message, view.sendingCopy === 'elsewhere')}
                    {message.missingGlyphs && <div className="outbox-warning">{t('outbox.missingGlyphs', { chars: message.missingGlyphs.join(' ') })}</div>}
                  </td>
                  <td>
                    <div className="outbox-actions">
                      <button type="button" className="button button-small" onClick={() => setPreview(message)} aria-label={t('outbox.previewOf', { name: message.toName })}>
                        {t('outbox.preview')}
                      </button>
                      {canRetry(message) && (
                        <button type="button" className="button button-small" onClick={() => void act(message, 'retry')}>
                          {t('outbox.retry')}
                        </button>
                      )}
                      {canDiscard(message) && (
                        <button type="button" className="button button-small" onClick={() => setDiscarding(message)}>
                          {t('outbox.discard')}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pager page={page} />
      </section>
      <MailSettingsSection onNotice={setNotice} onSaved={reloadAfterAction} />
      {preview && <MessagePreview listed={preview} onClose={() => setPreview(null)} />}
      {discarding && (
        <ConfirmDialog
          title={t('outbox.discardTitle')}
          body={t('outbox.discardBody', { name: discarding.toName })}
          confirmLabel={t('outbox.discard')}
          onConfirm={() => void act(discarding, 'discard')}
          onCancel={() => setDiscarding(null)}
        />
      )}
    </>
  );
}
