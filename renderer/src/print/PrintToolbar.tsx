import { useEffect, useState, type ReactNode } from 'react';
import type { AppError } from '../../../shared/contract/errors';
import type { InputOf } from '../../../shared/contract/operations';
import { call } from '../client';
import type { Notice } from '../forms/StatusMessage';
import { useI18n } from '../i18n/i18n-context';

interface PrintToolbarProps {
  /** The print job as sent: options may be left to the contract's defaults. */
  job: InputOf<'print.pdf'>;
  /** The sheet's own layout choices (PrintChoice), before the actions. */
  children?: ReactNode;
  /** True until the sheet is ready to print. */
  disabled: boolean;
  onNotice: (notice: Notice) => void;
  onError: (error: AppError) => void;
}

type Availability = { pdf: boolean; native: boolean };

/** Lets the page take the browser's dialog before the status message is drawn. */
const browserPrint = () => requestAnimationFrame(() => window.print());

/**
 * Screen only. In Electron, Imprimer and Exporter en PDF go to the main
 * process, which prints this same page in a hidden window. In the browser host
 * there is nothing behind them, so both open the browser's print dialog, whose
 * "Save as PDF" printer does the export.
 */
export function PrintToolbar({ job, children, disabled, onNotice, onError }: PrintToolbarProps) {
  const { t } = useI18n();
  const [available, setAvailable] = useState<Availability | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void call('print.available', {}).then((outcome) => {
      if (live) setAvailable(outcome.ok ? outcome.value : { pdf: false, native: false });
    });
    return () => {
      live = false;
    };
  }, []);

  async function printNow() {
    if (!available?.native) {
      browserPrint();
      return;
    }
    setBusy(true);
    onNotice({ key: 'print.preparing' });
    const outcome = await call('print.native', job);
    setBusy(false);
    if (!outcome.ok) onError(outcome.error);
    else onNotice({ key: outcome.value.printed ? 'print.printed' : 'print.printCancelled' });
  }

  async function exportPdf() {
    if (!available?.pdf) {
      onNotice({ key: 'print.browserPdfHint' });
      browserPrint();
      return;
    }
    setBusy(true);
    onNotice({ key: 'print.preparing' });
    const outcome = await call('print.pdf', job);
    setBusy(false);
    if (!outcome.ok) onError(outcome.error);
    else if (outcome.value.saved) onNotice({ key: 'print.pdfSaved', params: { path: outcome.value.path ?? '' } });
    else onNotice({ key: 'print.pdfCancelled' });
  }

  return (
    <div className="toolbar print-toolbar">
      {children}
      <div className="print-actions">
        <button type="button" className="button button-primary" onClick={() => void printNow()} disabled={disabled || busy}>
          {t('print.print')}
        </button>
        <button type="button" className="button" onClick={() => void exportPdf()} disabled={disabled || busy}>
          {t('print.exportPdf')}
        </button>
      </div>
    </div>
  );
}
