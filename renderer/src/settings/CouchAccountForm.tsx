/**
 * The CouchDB account's form in Réglages (issue 16): the relay's shop
 * (ShopSection) and a producer's copy publishing to the network
 * (NetworkSection) take the same account, typed the same way, saved and
 * forgotten the same way. The password is never shown back: once one is
 * kept, its field says it must be typed again to save.
 */
import type { FormEvent } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { MessageKey } from '../../../shared/i18n/messages';
import { ErrorSummary } from '../forms/ErrorSummary';
import { Field } from '../forms/Field';
import { issuesFor } from '../forms/field-issues';
import { useI18n } from '../i18n/i18n-context';

export type CouchAccountFieldName = 'url' | 'username' | 'password' | 'pageUrl';

interface Props<F extends CouchAccountFieldName> {
  form: string;
  fields: readonly F[];
  labels: Record<F, MessageKey>;
  error: AppError | null;
  text: Record<F, string>;
  /** An account is kept on this machine: it can be forgotten, and its password is not shown. */
  configured: boolean;
  busy: boolean;
  onChange: (name: F, value: string) => void;
  onSave: () => void;
  onForget: () => void;
}

export function CouchAccountForm<F extends CouchAccountFieldName>({ form, fields, labels, error, text, configured, busy, onChange, onSave, onForget }: Props<F>) {
  const { t } = useI18n();
  const issues = issuesFor(error, fields);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!busy) onSave();
  };
  return (
    <form onSubmit={submit} noValidate className="form">
      <ErrorSummary error={error?.issues ? error : null} labelFor={(path) => (path in labels ? t(labels[path as F]) : undefined)} />
      <div className="form-grid">
        {fields.map((name) => (
          <Field key={name} form={form} name={name} label={t(labels[name])} issue={issues[name]} required {...(name === 'password' && configured ? { hint: t('shop.settings.passwordKept') } : {})}>
            {(props) => (
              <input
                {...props}
                name={name}
                type={name === 'password' ? 'password' : name === 'username' ? 'text' : 'url'}
                autoComplete={name === 'password' ? 'new-password' : 'off'}
                value={text[name]}
                onChange={(event) => onChange(name, event.target.value)}
              />
            )}
          </Field>
        ))}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('shop.settings.save')}
        </button>
        {configured && (
          <button type="button" className="button" onClick={onForget} disabled={busy}>
            {t('shop.settings.forget')}
          </button>
        )}
      </div>
    </form>
  );
}
