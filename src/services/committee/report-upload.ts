/**
 * A report uploaded on the agenda item form: a PDF or a Word (DOCX) file, read with the importer's readers so its
 * text serves search, the portal and the agenda pack like a report written in the browser, and kept as the original
 * for the public to download. Anything else, or a file with no readable text, is refused on the field.
 */
import { readDocument, ReadError } from '../../import/read/index.ts';

export const REPORT_MEDIA_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

export interface ReportUpload {
  filename: string;
  mediaType: (typeof REPORT_MEDIA_TYPES)[keyof typeof REPORT_MEDIA_TYPES];
  data: Uint8Array;
  text: string;
}

export type ReportUploadResult = { upload: ReportUpload } | { problem: string };

export async function readReportUpload(file: { filename: string; data: Uint8Array }): Promise<ReportUploadResult> {
  const filename = file.filename.trim().slice(0, 200) || 'report';
  let document;
  try {
    document = await readDocument({ name: filename, bytes: file.data });
  } catch (error) {
    if (error instanceof ReadError) return { problem: `${filename} could not be read: ${error.reason}` };
    throw error;
  }
  if (document.format !== 'pdf' && document.format !== 'docx') return { problem: `Upload the report as a PDF or Word (DOCX) file: ${filename} is not one` };
  const text = document.lines
    .join('\n')
    .replace(/\f/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (!text) return { problem: `No text could be read from ${filename}: if it is a scan, upload a version with a text layer` };
  return { upload: { filename, mediaType: REPORT_MEDIA_TYPES[document.format], data: file.data, text } };
}
