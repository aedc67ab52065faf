/**
 * Word (DOCX) reports converted to PDF with LibreOffice, so the agenda pack can insert them as pages like an uploaded
 * PDF. LibreOffice runs headless in a temporary folder of its own (its own profile too, so two conversions at once do
 * not fight over one), with a time limit; a converted file is kept in memory by the hash of its DOCX, since a stored
 * file never changes and conversion takes seconds.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const TIMEOUT_MS = 120_000;
const CACHED = 32;

/** Why a DOCX could not be converted: LibreOffice missing, too slow, or failing on the file. */
export class ConversionError extends Error {}

const converted = new Map<string, Promise<Uint8Array>>();

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: TIMEOUT_MS, killSignal: 'SIGKILL' }, (error, _stdout, stderr) => {
      if (!error) return resolve();
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return reject(new ConversionError('LibreOffice (soffice) is not installed, so Word reports cannot be converted to PDF'));
      if (error.killed) return reject(new ConversionError(`LibreOffice took longer than ${TIMEOUT_MS / 1000} s to convert the report`));
      reject(new ConversionError(`LibreOffice could not convert the report: ${String(stderr).trim() || error.message}`));
    });
  });
}

async function convert(docx: Uint8Array): Promise<Uint8Array> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'quorum-docx-'));
  try {
    const input = path.join(dir, 'report.docx');
    await fs.writeFile(input, docx);
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input]);
    try {
      return new Uint8Array(await fs.readFile(path.join(dir, 'report.pdf')));
    } catch {
      throw new ConversionError('LibreOffice wrote no PDF for the report');
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** The DOCX as PDF bytes; throws ConversionError when it cannot be converted. */
export function docxToPdf(docx: Uint8Array): Promise<Uint8Array> {
  const key = createHash('sha256').update(docx).digest('hex');
  let result = converted.get(key);
  if (!result) {
    result = convert(docx);
    // A failure is not kept: LibreOffice may be installed or less busy next time.
    result.catch(() => converted.delete(key));
    converted.set(key, result);
    if (converted.size > CACHED) converted.delete(converted.keys().next().value!);
  } else {
    converted.delete(key);
    converted.set(key, result);
  }
  return result;
}
