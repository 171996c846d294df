/**
 * Printing in Electron (DESIGN.md, Printing): the print view is the renderer's
 * own page at `#/print/<view>/<id>[/<option>]`, loaded in a hidden window that
 * is as locked down as the main one, then exported with printToPDF or sent to
 * the system print dialog. The same page is the on-screen preview, and what
 * Playwright turns into a PDF in the tests.
 *
 * This file never imports 'electron': main.ts hands it BrowserWindow and the
 * save dialog, so it stays one of the plain modules and runs against the fake
 * in print.test.ts.
 *
 * The hidden page reads its data like the main window, through the preload
 * bridge. ipc.ts trusts it only while this module owns it, and only for
 * operations that read (see `owns` and ipc.ts): a print window can never
 * change data or start another print.
 */
import { writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { UserError } from '../shared/contract/errors';
import type { PrintJob } from '../shared/contract/operations';
import { translate, type MessageKey } from '../shared/i18n/messages';
import type { PrintAdapter, PrintRequest } from './services/print';
import type { AppFiles } from './window';

/** What this module uses of a WebContents; Electron's own, or the fake's in tests. */
export interface PrintContents {
  executeJavaScript(code: string): Promise<unknown>;
  printToPDF(options: Electron.PrintToPDFOptions): Promise<Uint8Array>;
  print(options: Electron.WebContentsPrintOptions, callback: (success: boolean, failureReason: string) => void): void;
}

export interface PrintWindow {
  readonly webContents: PrintContents;
  loadFile(path: string, options?: Electron.LoadFileOptions): Promise<void>;
  destroy(): void;
  isDestroyed(): boolean;
}

export interface PrintDeps {
  BrowserWindow: new (options: Electron.BrowserWindowConstructorOptions) => PrintWindow;
  /** Electron's dialog.showSaveDialog, attached to the main window when there is one. */
  showSaveDialog: (options: Electron.SaveDialogOptions) => Promise<Electron.SaveDialogReturnValue>;
  files: AppFiles;
  /** Where the save dialog starts (the user's Documents folder). */
  documentsDir?: string;
  writeFile?: (path: string, data: Uint8Array) => Promise<void>;
  /** How long the page may take to load its data before printing gives up. */
  readyTimeoutMs?: number;
}

export interface ElectronPrinting {
  adapter: PrintAdapter;
  /** True for the web contents of a print window this module opened and has not closed yet. */
  owns(contents: unknown): boolean;
}

/**
 * The main window's preferences (window.ts), kept identical on purpose:
 * print.test.ts compares the two, so hardening one without the other fails.
 */
export function printWindowPreferences(preload: string): Electron.WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
  };
}

/** The page's route, without the '#': the same address the print preview has on screen. */
export function printHash(job: PrintJob): string {
  const route = `/print/${job.view}/${encodeURIComponent(job.id)}`;
  if (job.view === 'catalogue') return `${route}/${job.options.groupBy}`;
  if (job.view === 'pickup') return `${route}/${job.options.layout ?? 'list'}`;
  if (job.view === 'producerStatement') {
    const { distributionId, month } = job.options;
    return distributionId ? `${route}/distribution/${encodeURIComponent(distributionId)}` : `${route}/${month ?? ''}`;
  }
  if (job.view === 'statement' && job.options.month) return `${route}/${job.options.month}`;
  return route;
}

const SAVE_DIALOG_TITLES = {
  catalogue: 'print.saveDialogTitle',
  pickup: 'sheets.saveDialogTitle.pickup',
  delivery: 'sheets.saveDialogTitle.delivery',
  summary: 'sheets.saveDialogTitle.summary',
  statement: 'accounts.saveDialogTitle',
  producerStatement: 'invoices.saveDialogTitle.statement',
  invoice: 'invoices.saveDialogTitle.invoice',
  receipt: 'receipts.saveDialogTitle',
  producerAccess: 'network.access.saveDialogTitle',
} as const satisfies Record<PrintJob['view'], MessageKey>;

/**
 * The print page marks its sheet with data-print-state="loading" | "ready" |
 * "failed" (renderer/src/print/CataloguePrint.tsx); "ready" comes once the
 * data is in and the fonts are loaded. A constant script: no job data is ever
 * interpolated into code run in the page.
 */
const PRINT_STATE_PROBE = "document.querySelector('[data-print-state]')?.getAttribute('data-print-state') ?? null";
const POLL_MS = 100;

// 12 mm, as the page's @page rule.
const MARGIN_INCHES = 12 / 25.4;

/**
 * No header or footer templates: the sheet numbers its own pages with @page
 * margin boxes (renderer/src/print/print.css) in the bundled font, where a
 * template could only use a system font and would paginate differently.
 */
export const PDF_OPTIONS: Electron.PrintToPDFOptions = {
  pageSize: 'A4',
  preferCSSPageSize: true,
  printBackground: true,
  margins: { top: MARGIN_INCHES, bottom: MARGIN_INCHES, left: MARGIN_INCHES, right: MARGIN_INCHES },
  displayHeaderFooter: false,
  generateTaggedPDF: true,
};

// A4 at 96 dpi, so the page lays out at the width it prints at.
const A4_WINDOW = { width: 794, height: 1123 };

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForSheet(contents: PrintContents, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await contents.executeJavaScript(PRINT_STATE_PROBE);
    if (state === 'ready') return;
    if (state === 'failed' || Date.now() >= deadline) throw new UserError('error.printFailed');
    await delay(POLL_MS);
  }
}

function withPdfExtension(path: string): string {
  return extname(path).toLowerCase() === '.pdf' ? path : `${path}.pdf`;
}

export function electronPrinting(deps: PrintDeps): ElectronPrinting {
  const open = new Set<unknown>();
  const timeoutMs = deps.readyTimeoutMs ?? 20_000;
  const save = deps.writeFile ?? ((path: string, data: Uint8Array) => writeFile(path, data));

  /** Opens the hidden window on the job's page, waits for the sheet, hands it over, and always closes it. */
  async function withSheet<T>(job: PrintJob, use: (contents: PrintContents) => Promise<T>): Promise<T> {
    const window = new deps.BrowserWindow({
      ...A4_WINDOW,
      show: false,
      title: 'Cabas',
      webPreferences: printWindowPreferences(deps.files.preload),
    });
    open.add(window.webContents);
    try {
      await window.loadFile(deps.files.rendererPage, { hash: printHash(job) });
      await waitForSheet(window.webContents, timeoutMs);
      return await use(window.webContents);
    } finally {
      // Untrusted from this instant, before the window goes.
      open.delete(window.webContents);
      if (!window.isDestroyed()) window.destroy();
    }
  }

  const adapter: PrintAdapter = {
    available: () => ({ pdf: true, native: true }),

    async pdf({ job, fileName, language }: PrintRequest) {
      // Ask first: the organiser sees the dialog at once, and a cancel costs no rendering.
      const choice = await deps.showSaveDialog({
        title: translate(language, SAVE_DIALOG_TITLES[job.view]),
        defaultPath: deps.documentsDir ? join(deps.documentsDir, fileName) : fileName,
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      if (choice.canceled || !choice.filePath) return { saved: false };
      const path = withPdfExtension(choice.filePath);
      const pdf = await withSheet(job, (contents) => contents.printToPDF(PDF_OPTIONS));
      await save(path, pdf);
      return { saved: true, path };
    },

    async native({ job }: PrintRequest) {
      const printed = await withSheet(
        job,
        (contents) =>
          // success is false when the organiser cancels the system dialog: not an error.
          new Promise<boolean>((resolve) => contents.print({ silent: false, printBackground: true }, (success) => resolve(success))),
      );
      return { printed };
    },
  };

  return { adapter, owns: (contents) => open.has(contents) };
}
