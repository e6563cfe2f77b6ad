// Debian's LibreOffice (Writer and Calc, no GUI) and poppler's pdftotext, to see a generated Word
// or Excel file as the person who prints it does: laid out in pages. Installed here when missing (as root), or a
// clear stop with the exact command to run.
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SOFFICE = '/usr/bin/soffice';
const PDFTOTEXT = '/usr/bin/pdftotext';
/** Writer and Calc: the programs that open .docx and .xlsx. */
const NEEDED = [SOFFICE, PDFTOTEXT, '/usr/lib/libreoffice/program/libswlo.so', '/usr/lib/libreoffice/program/libsclo.so'];
const INSTALL = 'apt-get update && apt-get install -y --no-install-recommends libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils';

export function ensureLibreOffice(): void {
  if (NEEDED.every((path) => existsSync(path))) return;
  if (process.getuid?.() !== 0) throw new Error(`LibreOffice or pdftotext is not installed. Run: sudo sh -c '${INSTALL}'`);
  console.log(`LibreOffice is missing: running "${INSTALL}"`);
  execSync(INSTALL, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  const missing = NEEDED.filter((path) => !existsSync(path));
  if (missing.length > 0) throw new Error(`"${INSTALL}" did not install ${missing.join(', ')}`);
}

/**
 * Each file (.docx, or .xlsx with `extension`) laid out by LibreOffice, as the text of its pages
 * (`pdftotext -layout`, one string per page). One LibreOffice run converts them all, with a profile
 * of its own.
 */
export function docxPages(files: ReadonlyMap<string, Buffer>, extension: 'docx' | 'xlsx' = 'docx'): Map<string, string[]> {
  ensureLibreOffice();
  const dir = mkdtempSync(join(tmpdir(), 'docx-pages-'));
  try {
    const paths = [...files].map(([name, bytes]) => {
      const path = join(dir, `${name}.${extension}`);
      writeFileSync(path, bytes);
      return path;
    });
    execFileSync(SOFFICE, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...paths], {
      stdio: 'pipe',
      timeout: 300_000,
    });
    const pages = new Map<string, string[]>();
    for (const name of files.keys()) {
      const pdf = join(dir, `${name}.pdf`);
      execFileSync(PDFTOTEXT, ['-layout', pdf, join(dir, `${name}.txt`)], { stdio: 'pipe' });
      // pdftotext ends every page with a form feed.
      pages.set(
        name,
        readFileSync(join(dir, `${name}.txt`), 'utf8')
          .split('\f')
          .slice(0, -1),
      );
    }
    return pages;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The pages (1-based) on which a line matching `pattern` appears. */
export const pagesWith = (pages: readonly string[], pattern: RegExp): number[] => pages.flatMap((text, index) => (pattern.test(text) ? [index + 1] : []));
