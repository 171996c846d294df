import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contract, operationNames } from '../shared/contract/operations';
import type { Dispatch } from './dispatch';
import { allowedFromPrintWindow, isRendererPage, registerIpc, UNAUTHORIZED } from './ipc';
import { INVOKE_CHANNEL } from './ipc-channel';
import { BrowserWindow, FakeWebFrameMain, invokeEvent, ipcMain, resetFakeElectron, type FakeInvokeEvent } from './testing/fake-electron';

const RENDERER_PAGE = '/opt/Cabas/resources/app.asar/out/renderer/index.html';
const RENDERER_URL = pathToFileURL(RENDERER_PAGE).href;

interface Call {
  name: unknown;
  payload: unknown;
}

function setUp(printContents: BrowserWindow['webContents'][] = []) {
  const calls: Call[] = [];
  const dispatch: Dispatch = async (name, payload) => {
    calls.push({ name, payload });
    return { ok: true, value: { reached: name } };
  };
  const window = new BrowserWindow();
  let mainWindow: BrowserWindow | undefined = window;
  registerIpc({
    dispatch,
    rendererPage: RENDERER_PAGE,
    mainWebContents: () => mainWindow?.webContents as unknown as Electron.WebContents | undefined,
    isPrintContents: (contents) => printContents.includes(contents as unknown as BrowserWindow['webContents']),
  });
  const call = (event: FakeInvokeEvent, name: unknown, input: unknown = {}) => ipcMain.invoke(INVOKE_CHANNEL, event, name, input);
  return {
    calls,
    window,
    call,
    closeMainWindow: () => {
      mainWindow = undefined;
    },
  };
}

beforeEach(() => {
  resetFakeElectron();
  // Refusals are logged; keep the test output readable and check the log instead.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe('registerIpc', () => {
  it('opens exactly one channel and no other listener', () => {
    setUp();
    expect([...ipcMain.handlers.keys()]).toEqual([INVOKE_CHANNEL]);
    expect(ipcMain.eventNames()).toEqual([]);
  });

  it('reaches the dispatch for every operation of the contract, from the app page in the main window', async () => {
    const { calls, window, call } = setUp();
    await window.loadFile(RENDERER_PAGE);
    expect(operationNames.length).toBeGreaterThan(0);
    for (const name of operationNames) {
      const input = { probe: name };
      await expect(call(invokeEvent(window.webContents), name, input)).resolves.toEqual({ ok: true, value: { reached: name } });
      expect(calls.at(-1)).toEqual({ name, payload: input });
    }
    expect(calls.map((c) => c.name)).toEqual(operationNames);
  });

  it('accepts the page whatever its hash or query (in-page routing)', async () => {
    const { calls, window, call } = setUp();
    for (const url of [`${RENDERER_URL}#/producers`, `${RENDERER_URL}?screen=orders#x`]) {
      await expect(call(invokeEvent(window.webContents, new FakeWebFrameMain(url)), 'app.status')).resolves.toMatchObject({ ok: true });
    }
    expect(calls).toHaveLength(2);
  });

  describe('refuses, without dispatching, a call', () => {
    const untrusted: [string, (window: BrowserWindow) => FakeInvokeEvent][] = [
      ['from a page that navigated to a website', (w) => invokeEvent(w.webContents, new FakeWebFrameMain('https://evil.example/index.html'))],
      ['from another local file', (w) => invokeEvent(w.webContents, new FakeWebFrameMain(pathToFileURL('/tmp/out/renderer/index.html').href))],
      ['from a sibling file of the app page', (w) => invokeEvent(w.webContents, new FakeWebFrameMain(pathToFileURL('/opt/Cabas/resources/app.asar/out/renderer/print.html').href))],
      ['from a data: URL', (w) => invokeEvent(w.webContents, new FakeWebFrameMain('data:text/html,<script>1</script>'))],
      ['from a page not loaded yet', (w) => invokeEvent(w.webContents, new FakeWebFrameMain('about:blank'))],
      ['from an unparsable URL', (w) => invokeEvent(w.webContents, new FakeWebFrameMain('not a url'))],
      ['without a sender frame (it navigated away or was destroyed)', (w) => invokeEvent(w.webContents, null)],
      ['from a frame embedded in the app page', (w) => invokeEvent(w.webContents, new FakeWebFrameMain(RENDERER_URL, w.webContents.mainFrame))],
      ['from another window showing the app page', () => {
        const other = new BrowserWindow();
        return invokeEvent(other.webContents, new FakeWebFrameMain(RENDERER_URL));
      }],
    ];

    for (const [label, makeEvent] of untrusted) {
      it(label, async () => {
        const { calls, window, call } = setUp();
        await window.loadFile(RENDERER_PAGE);
        await expect(call(makeEvent(window), 'producers.create', { name: 'Ferme' })).resolves.toEqual(UNAUTHORIZED);
        expect(calls).toEqual([]);
        expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('refused a call to producers.create'));
      });
    }

    it('once the main window is closed', async () => {
      const { calls, window, call, closeMainWindow } = setUp();
      await window.loadFile(RENDERER_PAGE);
      closeMainWindow();
      await expect(call(invokeEvent(window.webContents), 'app.status')).resolves.toEqual(UNAUTHORIZED);
      expect(calls).toEqual([]);
    });
  });

  it('refuses with the i18n key the renderer shows', () => {
    expect(UNAUTHORIZED).toEqual({ ok: false, error: { key: 'error.unauthorized' } });
  });
});

describe('a hidden print window (print.ts)', () => {
  async function printWindow() {
    const print = new BrowserWindow();
    await print.loadFile(RENDERER_PAGE, { hash: '/print/catalogue/abc/producer' });
    return print;
  }

  it('may read everything the print page needs', async () => {
    const print = await printWindow();
    const { calls, call } = setUp([print.webContents]);
    for (const name of ['app.status', 'relay.get', 'distributions.get', 'offers.forDistribution', 'print.available']) {
      await expect(call(invokeEvent(print.webContents), name)).resolves.toEqual({ ok: true, value: { reached: name } });
    }
    expect(calls).toHaveLength(5);
  });

  it('may not change data or start a print of its own', async () => {
    const print = await printWindow();
    const { calls, call } = setUp([print.webContents]);
    const refused = operationNames.filter((name) => !allowedFromPrintWindow(name));
    expect(refused).toEqual(expect.arrayContaining(['producers.create', 'offers.saveMany', 'backups.restore', 'print.pdf', 'print.native']));
    expect(refused.every((name) => contract[name].mutates || name.startsWith('print.'))).toBe(true);
    for (const name of refused) {
      await expect(call(invokeEvent(print.webContents), name)).resolves.toEqual(UNAUTHORIZED);
    }
    await expect(call(invokeEvent(print.webContents), 'no.such.operation')).resolves.toEqual(UNAUTHORIZED);
    expect(calls).toEqual([]);
  });

  it('is refused once print.ts no longer owns it, from another page, or from an embedded frame', async () => {
    const print = await printWindow();
    const stranger = await printWindow();
    const { calls, call } = setUp([print.webContents]);
    await expect(call(invokeEvent(stranger.webContents), 'relay.get')).resolves.toEqual(UNAUTHORIZED);
    const elsewhere = new FakeWebFrameMain('https://evil.example/#/print/catalogue/abc');
    await expect(call(invokeEvent(print.webContents, elsewhere), 'relay.get')).resolves.toEqual(UNAUTHORIZED);
    const embedded = new FakeWebFrameMain(RENDERER_URL, print.webContents.mainFrame);
    await expect(call(invokeEvent(print.webContents, embedded), 'relay.get')).resolves.toEqual(UNAUTHORIZED);
    await expect(call(invokeEvent(print.webContents, null), 'relay.get')).resolves.toEqual(UNAUTHORIZED);
    expect(calls).toEqual([]);
  });
});

describe('isRendererPage', () => {
  it('compares file paths, so encoded characters match', () => {
    const page = '/home/jo/Mes Applis/Cabas/out/renderer/index.html';
    expect(isRendererPage(pathToFileURL(page).href, page)).toBe(true);
    expect(isRendererPage('file:///home/jo/Mes%20Applis/Cabas/out/renderer/index.html#/x', page)).toBe(true);
  });

  it('ignores letter case only on Windows', () => {
    const page = '/apps/cabas/out/renderer/index.html';
    const url = 'file:///Apps/Cabas/out/renderer/index.html';
    expect(isRendererPage(url, page, 'win32')).toBe(true);
    expect(isRendererPage(url, page, 'linux')).toBe(false);
  });

  it('refuses other schemes even with the same path', () => {
    expect(isRendererPage(`https://example.com${RENDERER_PAGE}`, RENDERER_PAGE)).toBe(false);
  });
});
