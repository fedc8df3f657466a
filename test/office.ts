// Rendering documents the way officials will see them: DOCX to PDF with LibreOffice headless, then the PDF's text,
// page size, fonts and a page image (poppler). Tests that need it skip when soffice or poppler is absent.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import mammoth from 'mammoth';

const run = promisify(execFile);

/** Whether LibreOffice and the poppler tools are installed. */
export const hasSoffice = existsSync('/usr/bin/soffice') && existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdftoppm');

/** Whether a Times-metric font with Vietnamese letters is installed (Times New Roman, Liberation Serif 2, Tinos). */
export function hasVietnameseTimes(): boolean {
  try {
    const families = execFileSync('fc-list', [':lang=vi', 'family'], { encoding: 'utf8' });
    return /Times New Roman|Liberation Serif|Tinos/.test(families);
  } catch {
    return false;
  }
}

/** Converts DOCX files to PDF in the folder `work`, each "x.docx" to "x.pdf". */
async function docxToPdf(work: string, docxPaths: string[]): Promise<void> {
  // A private profile: parallel conversions with a shared one block each other or fail.
  await run(
    '/usr/bin/soffice',
    [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', work, ...docxPaths],
    { timeout: 150_000 },
  );
}

/** The text of each page of a PDF, laid out as on the page. */
async function pdfPages(pdf: string): Promise<string[]> {
  return (await run('/usr/bin/pdftotext', ['-layout', pdf, '-'])).stdout.split('\f');
}

/** pdfinfo's report (page size, pages …). */
export async function pdfInfo(pdf: string): Promise<string> {
  return (await run('/usr/bin/pdfinfo', [pdf])).stdout;
}

/** The fonts a PDF uses, one line each. */
export async function pdfFonts(pdf: string): Promise<string[]> {
  const { stdout } = await run('/usr/bin/pdffonts', [pdf]);
  return stdout.split('\n').slice(2).filter((l) => l.trim() !== '');
}

/** Writes page `page` of a PDF as `<outBase>.png` at 60 dpi, to look at. */
async function pdfPageImage(pdf: string, page: number, outBase: string, dpi = 60): Promise<void> {
  await run('/usr/bin/pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, outBase]);
}

/** A DOCX's text as mammoth reads it. */
export async function docxText(buf: Buffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer: buf })).value;
}

/** pdfinfo's page size line of an A4 page. */
export const A4_PAGE_SIZE = /Page size:\s+595\.\d* x 841\.\d* pts \(A4\)/;

/** A font line of pdffonts for Times New Roman or a metric twin (Liberation Serif, Tinos). */
export const TIMES_FONT = /TimesNewRoman|Times-|LiberationSerif|Tinos/;

export interface RenderedDocs {
  /** Each document's PDF, by the name it was given. */
  pdf: Record<string, string>;
  /** Each document's pages as text, laid out (pdftotext -layout). */
  pages: Record<string, string[]>;
  /** Removes the temporary folder. */
  cleanup(): Promise<void>;
}

/**
 * Renders DOCX documents to PDF (one LibreOffice run, in a temporary folder), reads their pages, and keeps the
 * DOCX, the PDF and the page images asked for (`<file>.png`) in `outDir` for a person to look at.
 */
export async function renderDocs(outDir: string, docs: Record<string, Buffer>, images: { doc: string; page: number; file: string }[] = []): Promise<RenderedDocs> {
  const work = await mkdtemp(join(tmpdir(), 'dany-docs-'));
  const names = Object.keys(docs);
  const docx = (name: string) => join(work, `${name}.docx`);
  for (const name of names) await writeFile(docx(name), docs[name]!);
  await docxToPdf(work, names.map(docx));
  const pdf = Object.fromEntries(names.map((name) => [name, join(work, `${name}.pdf`)]));
  const pages: Record<string, string[]> = {};
  await mkdir(outDir, { recursive: true });
  for (const name of names) {
    pages[name] = await pdfPages(pdf[name]!);
    for (const f of [docx(name), pdf[name]!]) await copyFile(f, join(outDir, f.slice(work.length + 1)));
  }
  for (const img of images) await pdfPageImage(pdf[img.doc]!, img.page, join(outDir, img.file));
  return { pdf, pages, cleanup: () => rm(work, { recursive: true, force: true }) };
}
