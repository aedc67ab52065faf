/**
 * Every row-for-row section of the export, in restore order (parents before children across sections), and every
 * table the export deliberately leaves out, with why. test/export/complete-export.test.ts fails when a table of the
 * database is in neither list nor among the committee records and registers, so no new table is forgotten.
 */
import type { TableName } from '../../db/queries/export-rows.ts';
import { agendaPreparationSection } from './sections/agenda-preparation.ts';
import { allowancesSection } from './sections/allowances.ts';
import { filesSection } from './sections/files.ts';
import { importsSection } from './sections/imports.ts';
import { importReviewSection } from './sections/import-review.ts';
import { indicatorsSection } from './sections/indicators.ts';
import { meetingWorkflowSection } from './sections/meeting-workflow.ts';
import { photosSection } from './sections/photos.ts';
import { plansSection } from './sections/plans.ts';
import { politicalBalanceSection } from './sections/political-balance.ts';
import { scrutinySection } from './sections/scrutiny.ts';
import type { ExportSection } from './table-section.ts';

export const EXPORT_SECTIONS: readonly ExportSection[] = [
  filesSection,
  meetingWorkflowSection,
  scrutinySection,
  plansSection,
  indicatorsSection,
  allowancesSection,
  politicalBalanceSection,
  importsSection,
  importReviewSection,
  agendaPreparationSection,
  photosSection,
];

/** The sections' names, as the document's top-level fields (the type of ExportDocument names them). */
export const SECTION_NAMES = [
  'files',
  'meetingWorkflow',
  'scrutiny',
  'plans',
  'indicators',
  'allowances',
  'politicalBalance',
  'imports',
  'importReview',
  'agendaPreparation',
  'photos',
] as const;
export type SectionName = (typeof SECTION_NAMES)[number];
if (EXPORT_SECTIONS.map((section) => section.name).join() !== SECTION_NAMES.join()) throw new Error('SECTION_NAMES must list EXPORT_SECTIONS in order');

/** Tables the committee records and the registers sections write (services/exporter.ts, registers/export-section.ts). */
export const RECORD_TABLES: readonly TableName[] = [
  'authority',
  'source_document',
  'ward',
  'person',
  'person_alias',
  'political_group',
  'group_membership',
  'body',
  'membership',
  'meeting',
  'report',
  'agenda_item',
  'attendance',
  'minute',
  'declaration',
  'resolution',
  'motion',
  'vote_event',
  'vote',
  'question',
  'decision',
  'forward_plan_entry',
  'forward_plan_representation',
  'executive_decision_record',
  'interest_register',
  'interest_entry',
  'gift_hospitality',
  'declaration_interest',
  'outside_body',
  'outside_body_appointment',
  'outside_body_report',
];

/** Tables never exported, and why (docs/export.md, "What is not exported"). */
export const EXCLUDED_TABLES: Readonly<Record<string, string>> = {
  account: "Sign-in accounts hold password hashes and roles: credentials, not council records. A restored Quorum's administrator creates accounts again.",
  account_identity: 'Links accounts to single sign-on identities: part of the accounts.',
  account_session: 'Signed-in sessions: meaningless in another database, and a secret.',
  password_reset: 'One-time reset tokens: secrets that expire within hours.',
  oidc_sign_in: 'Single sign-on attempts in progress: expire within minutes.',
  attempt_throttle: 'Failed sign-in counters for rate limiting: operational state.',
  audit_log: 'The history of this database; a restore writes its own entries naming who restored.',
  search_document: 'The search index, derived from the records and rebuilt by the database as they are restored.',
  person_attendance_stat: 'Attendance figures by person, body and month, derived from the records and rebuilt by the database as they are restored.',
  person_attendance_total: 'Attendance figures by person and body, derived from the records and rebuilt by the database as they are restored.',
  decision_register_entry: 'The public decisions register, derived from the records and rebuilt by the database as they are restored.',
  person_vote_stat: "Each person's public votes with their group's figures, derived from the records and rebuilt by the database as they are restored.",
  person_vote_total: "Each person's voting record in figures, derived from the records and rebuilt by the database as they are restored.",
  portal_data_version: "A counter that tells the portal's cache the data changed.",
  oparl_change: 'When what an OParl object shows beyond its own row last changed (its `modified`); a restored database starts it afresh.',
  portal_meeting_version: "Per-meeting counters that tell the portal's cache which meeting pages changed.",
  kysely_migration: 'Which migrations this database has run; the restoring Quorum has its own.',
  kysely_migration_lock: "The migrations' lock.",
  oparl_source: 'Sync state of `quorum import --oparl` (when each OParl server was last copied): a restored database walks the server once in full.',
  oparl_record:
    'Which OParl URL became which record, for `quorum import --oparl`: the records carry ids made from those URLs, so a full walk finds them again.',
};

export const EXPORTED_TABLES: readonly TableName[] = [...RECORD_TABLES, ...EXPORT_SECTIONS.flatMap((section) => section.tables.map((spec) => spec.table))];
