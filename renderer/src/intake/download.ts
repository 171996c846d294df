import { downloadBlob } from '../import/file-bytes';

/** What the browser is told each kind of file is. */
const TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  csv: 'text/csv;charset=utf-8',
  zip: 'application/zip',
};

/** Offers a file the main process wrote (base64 bytes) as a download; the browser or Electron asks where. */
export function downloadBase64(fileName: string, contentBase64: string, type = TYPES[fileName.split('.').pop() ?? ''] ?? 'application/octet-stream'): void {
  const bytes = Uint8Array.from(atob(contentBase64), (char) => char.charCodeAt(0));
  downloadBlob(fileName, new Blob([bytes], { type }));
}
