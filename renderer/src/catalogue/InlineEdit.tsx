import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import { useI18n } from '../i18n/i18n-context';

interface InlineEditProps {
  /** What the cell shows when it is not being edited. */
  display: ReactNode;
  /** Said before the value by the cell's button: "Modifier le prix de Carottes". */
  editLabel: string;
  /** The input's accessible name: "Prix de Carottes". */
  inputLabel: string;
  /** The text the input starts with. */
  initialText: string;
  inputMode: 'decimal' | 'numeric';
  /** Resolves to null once saved, or to the refusal to show beside the input. */
  onSave: (text: string) => Promise<AppError | null>;
}

/**
 * A table cell edited in place, spreadsheet-style: its button (click, Enter or
 * Space) turns into an input; Enter or leaving the cell saves, Escape puts the
 * old value back. A refusal keeps the input open with what was typed and says why.
 */
export function InlineEdit({ display, editLabel, inputLabel, initialText, inputMode, onSave }: InlineEditProps) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  /** Where the focus goes when the input closes: back to the button after Enter or Escape, nowhere after a click elsewhere. */
  const refocus = useRef(false);
  const editing = text !== null;

  useEffect(() => {
    if (editing) {
      inputRef.current?.focus();
      inputRef.current?.select();
    } else if (refocus.current) {
      refocus.current = false;
      buttonRef.current?.focus();
    }
  }, [editing]);

  function close(returnFocus: boolean) {
    refocus.current = returnFocus;
    setText(null);
    setError(null);
  }

  async function commit(returnFocus: boolean) {
    if (text === null || busyRef.current) return;
    if (text === initialText) return close(returnFocus);
    busyRef.current = true;
    setBusy(true);
    const refusal = await onSave(text);
    busyRef.current = false;
    setBusy(false);
    if (refusal) {
      setError(refusal);
      if (returnFocus) inputRef.current?.focus();
    } else {
      close(returnFocus);
    }
  }

  function keyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      void commit(true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (!busyRef.current) close(true);
    }
  }

  if (!editing) {
    return (
      <button ref={buttonRef} type="button" className="inline-edit-button" onClick={() => setText(initialText)}>
        <span className="visually-hidden">{editLabel} </span>
        {display}
      </button>
    );
  }

  const firstIssue = error?.issues?.[0];
  const message = error ? (firstIssue ? t(firstIssue.key, firstIssue.params) : t(error.key, error.params)) : null;
  return (
    <div className="inline-edit">
      <input
        ref={inputRef}
        type="text"
        inputMode={inputMode}
        autoComplete="off"
        className="inline-edit-input"
        aria-label={inputLabel}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error ${id}-help` : `${id}-help`}
        aria-busy={busy || undefined}
        readOnly={busy}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={keyDown}
        onBlur={() => {
          // Escape and Enter already closed it (or are saving); only a move elsewhere saves here.
          if (!refocus.current) void commit(false);
        }}
      />
      <span id={`${id}-help`} className="visually-hidden">
        {t('catalogue.inline.help')}
      </span>
      {message && (
        <p id={`${id}-error`} role="alert" className="inline-edit-error">
          {message}
        </p>
      )}
    </div>
  );
}
