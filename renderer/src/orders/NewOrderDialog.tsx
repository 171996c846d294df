import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { Member } from '../../../shared/model/member';
import type { OrderView } from '../../../shared/orders/views';
import { matchesQuery } from '../../../shared/text/normalise';
import { call } from '../client';
import { Dialog } from '../dialog/Dialog';
import { ErrorSummary } from '../forms/ErrorSummary';
import { Field } from '../forms/Field';
import { issuesFor } from '../forms/field-issues';
import { useI18n } from '../i18n/i18n-context';
import { Combobox } from './Combobox';

const FORM = 'order-member';
const MEMBER_FIELDS = ['name', 'phone'] as const;
/** Enough names to pick from by arrows; typing one more letter narrows further. */
const MAX_MEMBERS = 8;

type Choice = { kind: 'member'; member: Member } | { kind: 'create' };

interface NewOrderDialogProps {
  distributionId: string;
  /** Outside the ordering window the order is recorded as late, and the dialog says so. */
  late: boolean;
  /** The distribution's orders by member: picking a member who already ordered opens that order. */
  existing: ReadonlyMap<string, OrderView>;
  onOpened: (orderId: string) => void;
  onClose: () => void;
}

/**
 * "Nouvelle commande": type a few letters of the member's name (or phone),
 * Enter opens their order — the one they already have, or a new one. A member
 * not yet known is created on the spot with a name and a phone number.
 */
export function NewOrderDialog({ distributionId, late, existing, onOpened, onClose }: NewOrderDialogProps) {
  const { t } = useI18n();
  const titleId = useId();
  const [query, setQuery] = useState('');
  const [members, setMembers] = useState<Member[] | null>(null);
  const [creating, setCreating] = useState(false);
  const [draft, setDraft] = useState({ name: '', phone: '' });
  /** A member created here whose order could not be opened yet: retrying must not create them twice. */
  const [created, setCreated] = useState<Member | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);

  // Read once and searched here: the list follows every keystroke, so an Enter typed fast never picks a stale list.
  useEffect(() => {
    let live = true;
    void call('members.list', { archived: 'active' }).then((outcome) => {
      if (!live) return;
      if (outcome.ok) setMembers(outcome.value);
      else setError(outcome.error);
    });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (creating) nameRef.current?.focus();
  }, [creating]);

  const found = useMemo(
    () => (members ?? []).filter((member) => matchesQuery(query, [member.name, member.phone, member.email])).slice(0, MAX_MEMBERS),
    [members, query],
  );
  const choices = useMemo<Choice[]>(
    () =>
      query.trim() === '' || members === null
        ? []
        : [...found.map((member) => ({ kind: 'member' as const, member })), { kind: 'create' as const }],
    [found, members, query],
  );

  async function open(member: Member) {
    const current = existing.get(member.id);
    if (current) return onOpened(current.order.id);
    if (busy) return;
    setBusy(true);
    const outcome = await call('orders.open', { distributionId, memberId: member.id, late });
    setBusy(false);
    if (outcome.ok) onOpened(outcome.value.id);
    else setError(outcome.error);
  }

  function choose(choice: Choice) {
    setError(null);
    if (choice.kind === 'member') return void open(choice.member);
    setDraft({ name: query.trim(), phone: '' });
    setCreating(true);
  }

  async function createAndOpen(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    let member = created;
    if (!member) {
      setBusy(true);
      const outcome = await call('members.create', { name: draft.name, phone: draft.phone });
      setBusy(false);
      if (!outcome.ok) {
        setError(outcome.error);
        if (outcome.error.issues?.some((issue) => issue.path === 'phone')) document.getElementById(`${FORM}-phone`)?.focus();
        else nameRef.current?.focus();
        return;
      }
      member = outcome.value;
      setCreated(member);
    }
    await open(member);
  }

  const byField = issuesFor(error, MEMBER_FIELDS);
  const labelFor = (path: string) =>
    path === 'name' ? t('orders.newOrder.name') : path === 'phone' ? t('orders.newOrder.phone') : undefined;
  const summary = members === null ? t('app.loading') : t('orders.newOrder.matches', { count: found.length });

  return (
    <Dialog labelledBy={titleId} onClose={onClose} busy={busy} className="dialog-form new-order-dialog">
      <h2 id={titleId} className="dialog-title">
        {late ? t('orders.newLateOrder') : t('orders.newOrder')}
      </h2>
      {late && <p className="order-notice">{t('orders.newOrder.lateHelp')}</p>}
      <ErrorSummary error={error} labelFor={labelFor} />
      {creating ? (
        <form onSubmit={(event) => void createAndOpen(event)} noValidate className="form">
          <p className="muted">{t('orders.newOrder.createHelp')}</p>
          <div className="form-grid">
            <Field form={FORM} name="name" label={t('orders.newOrder.name')} issue={byField.name} required>
              {(props) => (
                <input
                  {...props}
                  ref={nameRef}
                  autoComplete="off"
                  value={draft.name}
                  readOnly={created !== null}
                  onChange={(event) => setDraft((current) => ({ ...current, name: event.target.value }))}
                />
              )}
            </Field>
            <Field form={FORM} name="phone" label={t('orders.newOrder.phone')} issue={byField.phone}>
              {(props) => (
                <input
                  {...props}
                  type="tel"
                  autoComplete="off"
                  value={draft.phone}
                  readOnly={created !== null}
                  onChange={(event) => setDraft((current) => ({ ...current, phone: event.target.value }))}
                />
              )}
            </Field>
          </div>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setCreating(false)} disabled={busy || created !== null}>
              {t('orders.newOrder.backToSearch')}
            </button>
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? t('orders.newOrder.opening') : t('orders.newOrder.createAndOpen')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <div className="field">
            <label htmlFor="new-order-member">{t('orders.newOrder.member')}</label>
            <Combobox
              id="new-order-member"
              label={t('orders.newOrder.member')}
              value={query}
              onChange={(text) => {
                setQuery(text);
                setError(null);
              }}
              options={choices}
              optionKey={(choice) => (choice.kind === 'member' ? choice.member.id : 'create')}
              onPick={choose}
              summary={summary}
              placeholder={t('orders.newOrder.memberPlaceholder')}
              describedBy="new-order-member-hint"
              autoFocus
              renderOption={(choice) =>
                choice.kind === 'create' ? (
                  <span className="member-option-create">{t('orders.newOrder.createOption', { name: query.trim() })}</span>
                ) : (
                  <MemberOption member={choice.member} order={existing.get(choice.member.id)} />
                )
              }
            />
            <p id="new-order-member-hint" className="field-hint">
              {t('orders.newOrder.memberHint')}
            </p>
          </div>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => {
                setDraft({ name: query.trim(), phone: '' });
                setCreating(true);
              }}
            >
              {t('orders.newOrder.newMember')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}

function MemberOption({ member, order }: { member: Member; order: OrderView | undefined }) {
  const { t } = useI18n();
  return (
    <>
      <span className="member-option-name">{member.name}</span>
      {member.phone && <span className="member-option-contact">{member.phone}</span>}
      {order && <span className="member-option-order">{t('orders.newOrder.hasOrder', { basket: order.order.basketNumber })}</span>}
    </>
  );
}
