import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { MessageKey } from '../../../shared/i18n/messages';
import type { Member } from '../../../shared/model/member';
import { call } from '../client';
import { Dialog } from '../dialog/Dialog';
import { ErrorSummary } from '../forms/ErrorSummary';
import { Field } from '../forms/Field';
import { fieldOfPath, focusFirstInvalid, issuesFor } from '../forms/field-issues';
import { FormActions } from '../forms/FormActions';
import type { Notice } from '../forms/StatusMessage';
import { submitOnCtrlEnter } from '../forms/submit-on-ctrl-enter';
import { useI18n } from '../i18n/i18n-context';
import { MemberShopLink } from './MemberShopLink';
import { changedFields, MEMBER_FIELDS, memberText, readMemberText, type MemberFieldName, type MemberText } from './member-draft';

const FORM = 'member';

export const MEMBER_LABELS: Record<MemberFieldName, MessageKey> = {
  name: 'members.field.name',
  email: 'members.field.email',
  phone: 'members.field.phone',
  preferredPickupTime: 'members.field.preferredPickupTime',
  notes: 'members.field.notes',
};

/** Keyboards on tablets and autofill: the right input type for each field. */
const INPUT_HINTS: Record<Exclude<MemberFieldName, 'notes'>, Record<string, string>> = {
  name: { autoComplete: 'off' },
  email: { type: 'email', autoComplete: 'off' },
  phone: { type: 'tel', autoComplete: 'off' },
  preferredPickupTime: { type: 'time', step: '60' },
};

interface MemberDialogProps {
  /** The member to edit; absent for a new one. */
  member?: Member;
  onSaved: (notice: Notice) => void;
  onClose: () => void;
}

/** Create or edit one member. A refusal keeps every character typed and points at each field to fix. */
export function MemberDialog({ member, onSaved, onClose }: MemberDialogProps) {
  const { t } = useI18n();
  const titleId = useId();
  const [text, setText] = useState<MemberText>(() => memberText(member));
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  // An edit's issues are under `changes.` in the payload.
  const prefix = member ? 'changes.' : '';
  const byField = useMemo(() => issuesFor(error, MEMBER_FIELDS, prefix), [error, prefix]);
  useEffect(() => focusFirstInvalid(FORM, MEMBER_FIELDS, byField), [byField]);

  async function save() {
    const fields = readMemberText(text);
    const changes = member ? changedFields(member, fields) : {};
    if (member && Object.keys(changes).length === 0) {
      onSaved({ key: 'members.updated', params: { name: member.name } });
      return;
    }
    setBusy(true);
    const outcome = member ? await call('members.update', { id: member.id, changes }) : await call('members.create', fields);
    setBusy(false);
    // Everything typed stays in `text`: the organiser fixes one field, not the whole form.
    if (!outcome.ok) return setError(outcome.error);
    onSaved({ key: member ? 'members.updated' : 'members.created', params: { name: outcome.value.name } });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!busy) void save();
  }

  const update = (name: MemberFieldName, value: string) => setText((current) => ({ ...current, [name]: value }));

  const field = (name: Exclude<MemberFieldName, 'notes'>, extra: { required?: boolean; hint?: string } = {}) => (
    <Field form={FORM} name={name} label={t(MEMBER_LABELS[name])} issue={byField[name]} {...extra}>
      {(props) => <input {...props} name={name} value={text[name]} onChange={(event) => update(name, event.target.value)} {...INPUT_HINTS[name]} />}
    </Field>
  );

  return (
    <Dialog labelledBy={titleId} onClose={onClose} busy={busy} className="dialog-form">
      <form onSubmit={submit} noValidate className="form">
        <h2 id={titleId} className="dialog-title">
          {member ? t('members.edit') : t('members.new')}
        </h2>
        <ErrorSummary
          error={error}
          labelFor={(path) => {
            const name = fieldOfPath(path, MEMBER_FIELDS, prefix);
            return name && t(MEMBER_LABELS[name]);
          }}
        />
        <div className="form-grid">
          <div className="form-wide">{field('name', { required: true })}</div>
          {field('email')}
          {field('phone')}
          <div className="form-wide">{field('preferredPickupTime', { hint: t('members.field.preferredPickupTimeHint') })}</div>
          <div className="form-wide">
            <Field form={FORM} name="notes" label={t(MEMBER_LABELS.notes)} issue={byField.notes}>
              {(props) => (
                <textarea
                  {...props}
                  name="notes"
                  rows={3}
                  value={text.notes}
                  onChange={(event) => update('notes', event.target.value)}
                  onKeyDown={submitOnCtrlEnter}
                />
              )}
            </Field>
          </div>
          {member && <MemberShopLink memberId={member.id} />}
        </div>
        <FormActions busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
