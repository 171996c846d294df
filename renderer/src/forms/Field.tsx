import type { ReactNode } from 'react';
import type { FieldIssue } from '../../../shared/contract/errors';
import { useI18n } from '../i18n/i18n-context';
import { fieldId } from './field-issues';
import './forms.css';

/** What a control needs to be tied to its label, its help and its error. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  'aria-required': true | undefined;
}

interface FieldProps {
  form: string;
  name: string;
  label: string;
  issue?: FieldIssue;
  hint?: string;
  /** A non-blocking remark, e.g. another producer has this name. */
  warning?: string;
  required?: boolean;
  children: (control: ControlProps) => ReactNode;
}

/**
 * One labelled control. The label text is exactly the field's name (tests and
 * screen readers find it by that); "required" is said by aria-required and
 * shown beside the label, outside it.
 */
export function Field({ form, name, label, issue, hint, warning, required, children }: FieldProps) {
  const { t } = useI18n();
  const id = fieldId(form, name);
  const hintId = `${id}-hint`;
  const warningId = `${id}-warning`;
  const errorId = `${id}-error`;
  const describedBy = [issue && errorId, hint && hintId, warning && warningId].filter(Boolean).join(' ');

  return (
    <div className={issue ? 'field field-invalid' : 'field'}>
      <div className="field-label-row">
        <label htmlFor={id}>{label}</label>
        {required && (
          <span className="field-required" aria-hidden="true">
            {t('common.required')}
          </span>
        )}
      </div>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {children({
        id,
        'aria-invalid': issue ? true : undefined,
        'aria-describedby': describedBy || undefined,
        'aria-required': required ? true : undefined,
      })}
      {issue && (
        <p id={errorId} className="field-error">
          {t(issue.key, issue.params)}
        </p>
      )}
      <div aria-live="polite">
        {warning && (
          <p id={warningId} className="field-warning">
            {warning}
          </p>
        )}
      </div>
    </div>
  );
}
