/**
 * The page as paper: print media, A4 from the page's own @page rule, then the
 * PDF's text page by page (pdftotext -layout keeps a table row on one line).
 */
import { execFileSync } from 'node:child_process';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

export interface PrintedPdf {
  pages: number;
  /** The text of pages first..last (1-based). */
  text: (first: number, last?: number) => string;
  all: () => string;
  /** The fonts the PDF uses (pdffonts): each name without its subset prefix, and whether it is embedded. */
  fonts: () => { name: string; embedded: boolean }[];
}

export async function printToPdf(app: Page, dir: string, name: string): Promise<PrintedPdf> {
  const path = join(dir, `${name}.pdf`);
  await app.emulateMedia({ media: 'print' });
  await app.pdf({ path, preferCSSPageSize: true, printBackground: true });
  await app.emulateMedia({ media: 'screen' });
  // To look at the pages a test printed: CABAS_KEEP_PDF=/some/folder (the data folder is deleted after each test).
  if (process.env.CABAS_KEEP_PDF) await copyFile(path, join(process.env.CABAS_KEEP_PDF, `${name}.pdf`));
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);
  const text = (first: number, last = first) =>
    // Narrow and non-breaking spaces (as in "2,50 €") read as plain spaces.
    execFileSync('pdftotext', ['-layout', '-f', String(first), '-l', String(last), path, '-'], { encoding: 'utf8' }).replace(/[\u00a0\u202f]/g, ' ');
  const fonts = () =>
    execFileSync('pdffonts', [path], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter(Boolean)
      // "ABCDEF+InterVariable   CID TrueType   Identity-H   yes yes yes   12  0": name, then emb/sub/uni.
      .map((row) => {
        const emb = /\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(row);
        return { name: row.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''), embedded: emb?.[1] === 'yes' };
      });
  return { pages, text, all: () => text(1, pages), fonts };
}

/** The non-empty lines of a text, trimmed. */
export const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
