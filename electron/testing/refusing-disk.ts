/**
 * A disk that refuses one call on an open file (EIO), for the error paths that
 * must still close what they opened: an open file dropped without close() is
 * closed by the garbage collector, with Node's DEP0137 warning (one day an error).
 */
import { open, type FileHandle } from 'node:fs/promises';
import { vi } from 'vitest';

/** The next `method` call on any open file is refused; `refused()` is that file (its fd is -1 once closed). Undo with vi.restoreAllMocks(). */
export async function refuseNext(anyFile: string, method: 'truncate' | 'stat'): Promise<{ refused: () => FileHandle | undefined }> {
  // FileHandle is not exported: its prototype is reached through an open file.
  const probe = await open(anyFile, 'a');
  const prototype = Object.getPrototypeOf(probe) as FileHandle;
  await probe.close();
  const refusing = vi
    .spyOn(prototype, method)
    .mockImplementationOnce(() => Promise.reject(Object.assign(new Error(`EIO: i/o error, ${method}`), { code: 'EIO' })));
  // The file the call was made on: the first call's `this`.
  return { refused: () => refusing.mock.contexts[0] as FileHandle | undefined };
}
