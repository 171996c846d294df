/**
 * A chosen file travels to the main process as base64, so its encoding
 * (UTF-8 or Windows-1252) is detected from the bytes there, not guessed here.
 */

/** The contract accepts 8 000 000 base64 characters, i.e. 6 000 000 bytes. */
export const MAX_IMPORT_BYTES = 6_000_000;

// String.fromCharCode(...bytes) on a whole file overflows the call stack past
// a few hundred kilobytes; 32 KiB at a time stays far below every engine's limit.
const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
  }
  return btoa(binary);
}

/** Offers `content` as a file download; the browser (or Electron's save dialog) asks where. */
export function downloadText(fileName: string, content: string, type = 'text/csv;charset=utf-8'): void {
  downloadBlob(fileName, new Blob([content], { type }));
}

/** Offers a file as a download, through a link clicked for the organiser. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers start the download after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
