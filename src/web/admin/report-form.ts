/** A back-office form that may carry a report file (adding an agenda item, submitting a requested report). */
import type { FastifyRequest } from 'fastify';
import { readReportUpload, type ReportUpload } from '../../services/committee/report-upload.ts';
import { optionalUploadedFile } from '../shared/uploads.ts';

export interface ReportForm {
  /** The form's other fields, as typed (the file is never echoed back into a re-shown form). */
  values: Record<string, unknown>;
  reportFile?: ReportUpload;
  /** Why the file cannot be used, for the reportFile field's error. */
  problem?: string;
}

export async function readReportForm(request: FastifyRequest): Promise<ReportForm> {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const values = Object.fromEntries(Object.entries(body).filter(([key]) => key !== 'reportFile'));
  const file = optionalUploadedFile.safeParse(body.reportFile);
  if (!file.success || !file.data) return { values };
  const read = await readReportUpload(file.data);
  return 'problem' in read ? { values, problem: read.problem } : { values, reportFile: read.upload };
}
