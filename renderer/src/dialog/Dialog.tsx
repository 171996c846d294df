import { useEffect, useRef, type ReactNode } from 'react';
import './dialog.css';

interface DialogProps {
  /** Id of the dialog's heading, which names it. */
  labelledBy: string;
  /** Escape or Annuler; not offered while `busy`, so an in-flight save is never orphaned. */
  onClose: () => void;
  busy?: boolean;
  className?: string;
  children: ReactNode;
}

/**
 * A native modal <dialog>, open for as long as it is mounted: the browser
 * traps the focus and makes the page behind inert. Focus starts on the first
 * field (or on an element marked data-autofocus) and goes back, on close, to
 * what opened it — or to the page heading when that is gone (an archived row).
 */
export function Dialog({ labelledBy, onClose, busy = false, className, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      dialog.close();
      const target = opener?.isConnected ? opener : document.querySelector<HTMLElement>('main h1');
      target?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      className={className ? `dialog ${className}` : 'dialog'}
      onCancel={(event) => {
        // Escape: React decides when the dialog goes, so it unmounts cleanly.
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      {children}
    </dialog>
  );
}
