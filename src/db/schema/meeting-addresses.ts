import type { ColumnType, Generated } from 'kysely';

/** An address a meeting had before its date or body changed (migration 20261207_3001): answered with a 301. */
export interface MeetingAddressTable {
  /** The old friendly address, "<date>-<body slug>". */
  slug: string;
  meeting_id: string;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface MeetingAddressTables {
  meeting_address: MeetingAddressTable;
}
