import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CabasBridge } from '../shared/contract/api';
import { INVOKE_CHANNEL } from './ipc-channel';

type FakeElectron = typeof import('./testing/fake-electron');
let fake: FakeElectron;

// The preload runs once, at import: give each test a fresh fake and a fresh run.
beforeEach(async () => {
  vi.resetModules();
  fake = await import('./testing/fake-electron');
  await import('./preload');
});

function exposedBridge(): CabasBridge {
  return fake.contextBridge.exposed.get('cabas') as CabasBridge;
}

describe('preload bridge', () => {
  it('exposes one global, `cabas`, holding only `invoke`', () => {
    expect([...fake.contextBridge.exposed.keys()]).toEqual(['cabas']);
    const bridge = exposedBridge();
    expect(Object.keys(bridge)).toEqual(['invoke']);
    expect(typeof bridge.invoke).toBe('function');
  });

  it('never hands out ipcRenderer or its methods', () => {
    const bridge = exposedBridge() as unknown as Record<string, unknown>;
    for (const value of Object.values(bridge)) {
      expect(value).not.toBe(fake.ipcRenderer);
      expect(value).not.toBe(fake.ipcRenderer.invoke);
    }
  });

  it('sends the operation and its input on the contract channel and returns the answer', async () => {
    fake.ipcRenderer.reply = async () => ({ ok: true, value: [] });
    await expect(exposedBridge().invoke('producers.list', { query: 'miel' })).resolves.toEqual({ ok: true, value: [] });
    expect(fake.ipcRenderer.invocations).toEqual([{ channel: INVOKE_CHANNEL, args: ['producers.list', { query: 'miel' }] }]);
  });

  it('does not let the page pick another channel or smuggle extra arguments', async () => {
    const invoke = exposedBridge().invoke as (...args: unknown[]) => Promise<unknown>;
    await invoke('app.status', {}, 'electron-store-get-data', 'more');
    expect(fake.ipcRenderer.invocations).toEqual([{ channel: INVOKE_CHANNEL, args: ['app.status', {}] }]);
  });
});

describe('preload imports', () => {
  // A sandboxed preload can require only 'electron'; zod schemas would also bloat it.
  const runtimeImports = (file: string) =>
    [...readFileSync(new URL(file, import.meta.url), 'utf8').matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?\bfrom\s+'([^']+)'/gm)].map(
      (match) => match[1],
    );

  it('loads nothing at run time but electron and the channel name', () => {
    expect(runtimeImports('./preload.ts').sort()).toEqual(['./ipc-channel', 'electron']);
    expect(runtimeImports('./ipc-channel.ts')).toEqual([]);
  });
});
