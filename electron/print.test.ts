/**
 * The print glue against the fake `electron`: which window it opens, what it
 * loads, when it prints, and where the PDF lands.
 */
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PrintJob } from '../shared/contract/operations';
import { isRendererPage } from './ipc';
import { machineSettingsIn } from './machine-settings';
import { electronPrinting, printHash, type PrintDeps } from './print';
import { hardenApp } from './security';
import type { PrintRequest } from './services/print';
import { BrowserWindow, dialog, pageBehaviour, resetFakeElectron, type FakeWebContents } from './testing/fake-electron';
import { useTempDirs } from './testing/temp-dir';
import { appFiles, createMainWindow } from './window';

vi.mock('electron-store', () => import('./testing/fake-electron-store'));

const files = appFiles('/opt/Cabas/resources/app.asar');
const tempDir = useTempDirs();

function request(groupBy: 'producer' | 'category' = 'producer'): PrintRequest {
  const job: PrintJob = { view: 'catalogue', id: randomUUID(), options: { groupBy } };
  return { job, fileName: 'catalogue-2026-12-04.pdf', language: 'fr' };
}

function printing(overrides: Partial<PrintDeps> = {}) {
  return electronPrinting({
    BrowserWindow,
    showSaveDialog: (options) => dialog.showSaveDialog(options),
    files,
    documentsDir: '/home/anne/Documents',
    readyTimeoutMs: 2_000,
    ...overrides,
  });
}

/** The page answers the state probe: "loading" a few times, then `final`. */
function pageBecomes(final: string, loadingProbes = 2) {
  let probes = 0;
  pageBehaviour.executeJavaScript = () => (++probes > loadingProbes ? final : 'loading');
  return () => probes;
}

const printWindows = () => BrowserWindow.getAllWindows();
const allWindowsEver: BrowserWindow[] = [];

beforeEach(() => {
  resetFakeElectron();
  allWindowsEver.length = 0;
  hardenApp();
});

/** Records every window the glue opens, even once it is destroyed. */
function recordingWindows(): PrintDeps['BrowserWindow'] {
  return class extends BrowserWindow {
    constructor(options: Electron.BrowserWindowConstructorOptions) {
      super(options);
      allWindowsEver.push(this);
    }
  };
}

describe('exporting a PDF', () => {
  it('renders the page in a hidden window with the main window’s locked-down preferences', async () => {
    const folder = await tempDir();
    dialog.saveAnswer = { canceled: false, filePath: join(folder, 'catalogue.pdf') };
    pageBecomes('ready');
    const { adapter } = printing({ BrowserWindow: recordingWindows() });
    await adapter.pdf(request());

    const [window] = allWindowsEver;
    expect(allWindowsEver).toHaveLength(1);
    expect(window!.options.show).toBe(false);
    const main = createMainWindow(files, machineSettingsIn({ get: () => undefined, set: () => undefined })) as unknown as BrowserWindow;
    expect(window!.options.webPreferences).toEqual(main.options.webPreferences);
    expect(window!.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, preload: files.preload });
  });

  it('loads our own page on the job’s route, which ipc.ts recognises as the app page', async () => {
    const folder = await tempDir();
    dialog.saveAnswer = { canceled: false, filePath: join(folder, 'catalogue.pdf') };
    pageBecomes('ready');
    const job = request('category');
    const { adapter } = printing({ BrowserWindow: recordingWindows() });
    await adapter.pdf(job);

    const contents = allWindowsEver[0]!.webContents;
    expect(contents.loadedFile).toBe(files.rendererPage);
    expect(contents.loadedHash).toBe(`/print/catalogue/${job.job.id}/category`);
    expect(contents.mainFrame.url).toMatch(new RegExp(`index\\.html#/print/catalogue/${job.job.id}/category$`));
    expect(isRendererPage(contents.mainFrame.url, files.rendererPage)).toBe(true);
  });

  it('waits for the sheet to be ready, prints A4 with page numbers, and writes the PDF where the dialog said', async () => {
    const folder = await tempDir();
    const target = join(folder, 'Catalogue 4 décembre.pdf');
    dialog.saveAnswer = { canceled: false, filePath: target };
    pageBehaviour.pdf = Buffer.from('%PDF-1.7 the catalogue');
    const probes = pageBecomes('ready', 3);
    let pdfAfterProbes = -1;
    const { adapter } = printing({ BrowserWindow: recordingWindows() });

    const result = await adapter.pdf(request());
    const contents = allWindowsEver[0]!.webContents as FakeWebContents;
    pdfAfterProbes = probes();

    expect(result).toEqual({ saved: true, path: target });
    await expect(readFile(target, 'utf8')).resolves.toBe('%PDF-1.7 the catalogue');
    // Printed only once the page said "ready" (three "loading" answers first).
    expect(pdfAfterProbes).toBe(4);
    expect(contents.pdfOptions).toHaveLength(1);
    // The page numbers are the sheet's own (@page margin boxes, checked in the e2e print specs), never a system-font template.
    expect(contents.pdfOptions[0]).toMatchObject({ pageSize: 'A4', displayHeaderFooter: false, preferCSSPageSize: true, printBackground: true });
    expect(dialog.saveDialogs).toHaveLength(1);
    expect(dialog.saveDialogs[0]!.options).toMatchObject({
      title: 'Exporter le catalogue en PDF',
      defaultPath: join('/home/anne/Documents', 'catalogue-2026-12-04.pdf'),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
  });

  it('loads the sheet’s own route and titles the save dialog after it', async () => {
    const folder = await tempDir();
    dialog.saveAnswer = { canceled: false, filePath: join(folder, 'emargement.pdf') };
    pageBecomes('ready', 0);
    const job: PrintJob = { view: 'pickup', id: randomUUID(), options: { groupBy: 'producer', layout: 'slips' } };
    await printing({ BrowserWindow: recordingWindows() }).adapter.pdf({ job, fileName: 'fiches-panier-2026-12-04.pdf', language: 'fr' });
    expect(allWindowsEver[0]!.webContents.loadedHash).toBe(`/print/pickup/${job.id}/slips`);
    expect(dialog.saveDialogs[0]!.options).toMatchObject({
      title: 'Exporter la liste d’émargement en PDF',
      defaultPath: join('/home/anne/Documents', 'fiches-panier-2026-12-04.pdf'),
    });
  });

  it('adds .pdf when the name typed has no extension', async () => {
    const folder = await tempDir();
    dialog.saveAnswer = { canceled: false, filePath: join(folder, 'catalogue') };
    pageBecomes('ready', 0);
    const result = await printing().adapter.pdf(request());
    expect(result).toEqual({ saved: true, path: join(folder, 'catalogue.pdf') });
    expect(await readdir(folder)).toEqual(['catalogue.pdf']);
  });

  it('writes nothing and opens no window when the organiser cancels the save dialog', async () => {
    const folder = await tempDir();
    const writeFile = vi.fn();
    dialog.saveAnswer = { canceled: true, filePath: join(folder, 'catalogue.pdf') };
    const result = await printing({ BrowserWindow: recordingWindows(), writeFile }).adapter.pdf(request());
    expect(result).toEqual({ saved: false });
    expect(allWindowsEver).toHaveLength(0);
    expect(writeFile).not.toHaveBeenCalled();
    expect(await readdir(folder)).toEqual([]);
  });

  it('gives up with a message, writes nothing and closes the window when the page fails or never gets ready', async () => {
    for (const [state, timeout] of [
      ['failed', 2_000],
      ['loading', 150],
    ] as const) {
      const folder = await tempDir();
      dialog.saveAnswer = { canceled: false, filePath: join(folder, 'catalogue.pdf') };
      pageBecomes(state, 1);
      const { adapter, owns } = printing({ BrowserWindow: recordingWindows(), readyTimeoutMs: timeout });
      await expect(adapter.pdf(request())).rejects.toMatchObject({ name: 'UserError', key: 'error.printFailed' });
      expect(await readdir(folder)).toEqual([]);
      expect(printWindows()).toHaveLength(0);
      expect(owns(allWindowsEver.at(-1)!.webContents)).toBe(false);
    }
  });
});

describe('the print window', () => {
  it('is trusted (owned) only while it renders, and always destroyed afterwards', async () => {
    const folder = await tempDir();
    dialog.saveAnswer = { canceled: false, filePath: join(folder, 'catalogue.pdf') };
    const { adapter, owns } = printing({ BrowserWindow: recordingWindows() });
    const ownedWhileRendering: boolean[] = [];
    pageBehaviour.executeJavaScript = (contents) => {
      ownedWhileRendering.push(owns(contents));
      return 'ready';
    };
    await adapter.pdf(request());
    expect(ownedWhileRendering).toEqual([true]);
    const window = allWindowsEver[0]!;
    expect(window.isDestroyed()).toBe(true);
    expect(owns(window.webContents)).toBe(false);
    // Someone else's contents are never owned.
    expect(owns(new BrowserWindow().webContents)).toBe(false);
  });

  it('gets the app-wide hardening: it cannot navigate away or open windows', async () => {
    pageBehaviour.executeJavaScript = (contents) => {
      expect(contents.tryNavigate('https://example.org/')).toBe(false);
      expect(contents.tryOpenWindow('https://example.org/')).toBe('deny');
      expect(contents.tryAttachWebview()).toBe(false);
      return 'ready';
    };
    await printing().adapter.native(request());
  });

  it('never interpolates job data into the code it runs in the page', async () => {
    const folder = await tempDir();
    dialog.saveAnswer = { canceled: false, filePath: join(folder, 'x.pdf') };
    pageBecomes('ready', 1);
    const job = request();
    const { adapter } = printing({ BrowserWindow: recordingWindows() });
    await adapter.pdf(job);
    const scripts = (allWindowsEver[0]!.webContents as FakeWebContents).scripts;
    expect(new Set(scripts).size).toBe(1);
    expect(scripts[0]).not.toContain(job.job.id);
  });
});

describe('printing on paper', () => {
  it('opens the system print dialog on the ready page and reports a print or a cancel', async () => {
    pageBecomes('ready', 1);
    const { adapter } = printing({ BrowserWindow: recordingWindows() });
    await expect(adapter.native(request())).resolves.toEqual({ printed: true });
    const contents = allWindowsEver[0]!.webContents as FakeWebContents;
    expect(contents.printOptions).toEqual([{ silent: false, printBackground: true }]);
    expect(allWindowsEver[0]!.isDestroyed()).toBe(true);

    pageBehaviour.printSucceeds = false;
    pageBecomes('ready', 0);
    await expect(adapter.native(request())).resolves.toEqual({ printed: false });
    expect(printWindows()).toHaveLength(0);
  });
});

describe('printHash', () => {
  it('is the renderer route of the job, with the id encoded', () => {
    expect(printHash({ view: 'catalogue', id: 'a/b', options: { groupBy: 'producer' } })).toBe('/print/catalogue/a%2Fb/producer');
  });

  it('follows each sheet’s route: the pickup sheet with its layout (the list by default), the others with none', () => {
    const options = { groupBy: 'producer' } as const;
    expect(printHash({ view: 'pickup', id: 'd1', options })).toBe('/print/pickup/d1/list');
    expect(printHash({ view: 'pickup', id: 'd1', options: { ...options, layout: 'slips' } })).toBe('/print/pickup/d1/slips');
    expect(printHash({ view: 'delivery', id: 'd1', options })).toBe('/print/delivery/d1');
    expect(printHash({ view: 'summary', id: 'd1', options })).toBe('/print/summary/d1');
    expect(printHash({ view: 'statement', id: 'm1', options })).toBe('/print/statement/m1');
    expect(printHash({ view: 'statement', id: 'm1', options: { ...options, month: '2026-03' } })).toBe('/print/statement/m1/2026-03');
    expect(printHash({ view: 'producerStatement', id: 'p1', options: { ...options, month: '2026-03' } })).toBe('/print/producerStatement/p1/2026-03');
    expect(printHash({ view: 'producerStatement', id: 'p1', options: { ...options, distributionId: 'd1' } })).toBe('/print/producerStatement/p1/distribution/d1');
  });

  it('says it can print in Electron', () => {
    expect(printing().adapter.available()).toEqual({ pdf: true, native: true });
  });
});
