import { useState, type KeyboardEvent } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import { useI18n } from '../i18n/i18n-context';
import { errorText } from './error-text';

interface NoteFieldProps {
  note: string;
  editable: boolean;
  onSave: (note: string) => Promise<AppError | null>;
}

/** The order's note ("sans sac", "passe vers 18 h"): saved on Enter or when the caret leaves the box. */
export function NoteField({ note, editable, onSave }: NoteFieldProps) {
  const { t } = useI18n();
  const [text, setText] = useState(note);
  const [saved, setSaved] = useState(note);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  if (saved !== note) {
    setSaved(note);
    setText(note);
  }

  if (!editable) {
    return (
      <div className="order-note">
        <h2 className="order-note-title">{t('orders.note')}</h2>
        <p className="order-note-text">{note || <span className="muted">{t('orders.noNote')}</span>}</p>
      </div>
    );
  }

  async function commit() {
    if (busy || text === note) return;
    setBusy(true);
    const refusal = await onSave(text);
    setBusy(false);
    setError(refusal);
  }

  function keyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      void commit();
    } else if (event.key === 'Escape' && text !== note) {
      event.preventDefault();
      setText(note);
      setError(null);
    }
  }

  return (
    <div className="field order-note">
      <label htmlFor="order-note">{t('orders.note')}</label>
      <input
        id="order-note"
        type="text"
        autoComplete="off"
        maxLength={2000}
        value={text}
        placeholder={t('orders.notePlaceholder')}
        aria-describedby={error ? 'order-note-error' : 'order-note-hint'}
        aria-invalid={error ? true : undefined}
        aria-busy={busy || undefined}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={keyDown}
        onBlur={() => void commit()}
      />
      <p id="order-note-hint" className="field-hint">
        {t('orders.noteHint')}
      </p>
      {error && (
        <p id="order-note-error" role="alert" className="field-error">
          {errorText(t, error)}
        </p>
      )}
    </div>
  );
}
