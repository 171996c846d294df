/**
 * The renderer's only door to the main process: one `invoke`, shaped by the
 * contract. Raw `ipcRenderer` never crosses the bridge, so a page cannot pick
 * another channel. This file runs sandboxed as CommonJS and may only load
 * `electron`: import types from the contract, never its zod schemas
 * (preload.test.ts checks the imports).
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { CabasBridge } from '../shared/contract/api';
import { INVOKE_CHANNEL } from './ipc-channel';

const bridge = {
  invoke: (name, input) => ipcRenderer.invoke(INVOKE_CHANNEL, name, input),
} satisfies CabasBridge;

contextBridge.exposeInMainWorld('cabas', bridge);
