/**
 * The one IPC channel between the preload bridge and the main process. It
 * lives in its own file so the sandboxed preload can share it without pulling
 * in main-process code.
 */
export const INVOKE_CHANNEL = 'cabas:invoke';
