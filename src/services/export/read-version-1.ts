/**
 * Reads a version 1 export (written before issue 21) as version 2, so it still restores. Version 1 had no
 * capability sections and lacked a few committee-record columns; each gets the value the database gives a row
 * written without it, so restoring a version 1 export gives the database it always did.
 */
import type { ExportDocument, ExportDocumentV1 } from '../export-schema.ts';
import { EXPORT_SECTIONS, type SectionName } from './sections.ts';

export function upgradeVersion1(document: ExportDocumentV1): ExportDocument {
  const emptySections = Object.fromEntries(
    EXPORT_SECTIONS.map((section) => [section.name, Object.fromEntries(section.tables.map((spec) => [spec.key, []]))]),
  ) as unknown as Record<SectionName, Record<string, Array<Record<string, unknown>>>>;
  return {
    ...document,
    version: 2,
    people: document.people.map((person) => ({ ...person, email: null, wardId: null, termStart: null, termEnd: null, phone: null, address: null })),
    wards: [],
    bodies: document.bodies.map((body) => ({ ...body, termsOfReference: '', clerkName: null, clerkEmail: null, clerkPhone: null })),
    meetings: document.meetings.map((meeting) => ({
      ...meeting,
      cancelledReason: null,
      withdrawnAt: null,
      withdrawnReason: null,
      sequence: 0,
      minutes: meeting.minutes.map((minute) => ({
        ...minute,
        resolutions: minute.resolutions.map((resolution) => ({ ...resolution, withdrawnAt: null, withdrawnBy: null })),
      })),
    })),
    reports: document.reports.map((report) => ({ ...report, originalFileSha256: null, originalFilename: null, originalMediaType: null })),
    registers: document.registers ?? {
      forwardPlanEntries: [],
      forwardPlanRepresentations: [],
      executiveDecisionRecords: [],
      interestRegisters: [],
      interestEntries: [],
      giftsAndHospitality: [],
      declarationLinks: [],
      outsideBodies: [],
      outsideBodyAppointments: [],
      outsideBodyReports: [],
    },
    ...emptySections,
  };
}
