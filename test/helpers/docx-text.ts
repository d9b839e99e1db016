import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
// A document made on a database shared with other test files may list their records too.
const MAX_OUTPUT = 64 * 1024 * 1024;

/**
 * A DOCX written to `dir`, opened and converted to PDF by LibreOffice (as a reader's word processor
 * would), and the text of that PDF (`pdftotext -layout`): proof the file opens, and what it shows.
 */
export async function docxAsText(dir: string, name: string, docx: Buffer): Promise<string> {
  const file = path.join(dir, `${name}.docx`);
  fs.writeFileSync(file, docx);
  await run(
    'soffice',
    [
      `-env:UserInstallation=file://${dir}/lo-profile`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      file,
    ],
    { timeout: 120_000, maxBuffer: MAX_OUTPUT },
  );
  const { stdout } = await run('pdftotext', ['-layout', path.join(dir, `${name}.pdf`), '-'], {
    maxBuffer: MAX_OUTPUT,
  });
  return stdout;
}
