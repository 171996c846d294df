/** A PDF's text as pdftotext reads it (-layout keeps a table row on one line), for tests of the PDFs Cabas writes without a browser. */
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function pdfText(bytes: Uint8Array, dir: string, name = 'attachment.pdf'): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  // Narrow and non-breaking spaces (as in "2,50 €") read as plain spaces.
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/[\u00a0\u202f]/g, ' ');
}
