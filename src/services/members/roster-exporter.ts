/**
 * The members' roster on a day, as CSV or XLSX, in the columns the importer reads: download, edit, upload again.
 * The id column ties each line to its member, so a renamed member stays one record.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { rosterOn } from '../../db/repositories/members.ts';
import { committeeRole, formatCommittees, type CommitteeEntry } from '../../domain/members/roster.ts';
import { writeRosterCsv, writeRosterXlsx, type RosterRecord } from './roster-file.ts';

export async function rosterRecords(db: Kysely<Database>, day: string): Promise<RosterRecord[]> {
  const { members, groups, committees } = await rosterOn(db, day);
  return members.map((member) => {
    const entries: CommitteeEntry[] = committees
      .filter((row) => row.person_id === member.id)
      .map((row) => ({ committee: row.name, role: committeeRole(row.role) ?? 'member' }));
    return {
      id: member.id,
      honorific: member.honorific ?? '',
      given_name: member.given_name ?? '',
      family_name: member.family_name,
      group: groups.find((row) => row.person_id === member.id)?.name ?? '',
      ward: member.ward_name ?? '',
      term_start: member.term_start ?? '',
      term_end: member.term_end ?? '',
      email: member.email ?? '',
      phone: member.phone ?? '',
      committees: formatCommittees(entries),
    };
  });
}

export async function rosterExporter(props: {
  db: Kysely<Database>;
  day: string;
  format: 'csv' | 'xlsx';
}): Promise<{ body: string | Buffer; mediaType: string; filename: string }> {
  const records = await rosterRecords(props.db, props.day);
  return props.format === 'csv'
    ? { body: writeRosterCsv(records), mediaType: 'text/csv; charset=utf-8', filename: `members-${props.day}.csv` }
    : {
        body: await writeRosterXlsx(records),
        mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        filename: `members-${props.day}.xlsx`,
      };
}
