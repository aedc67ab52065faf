/**
 * Kysely types of the public-visibility views (migration 20261207_1560). Each has its table's columns, so a public
 * query reads `public_minute as minute` and is otherwise the query it was; the views are read-only.
 */
import type { ColumnType } from 'kysely';
import type { AgendaItemTable, DeclarationTable, MinuteTable, MotionTable, ReportTable, ResolutionTable, VoteEventTable, VoteTable } from '../schema.ts';

type ReadOnly<T> = { [K in keyof T]: ColumnType<T[K] extends ColumnType<infer S, any, any> ? S : T[K], never, never> };

export interface PublicPaperStateView {
  meeting_id: ColumnType<string, never, never>;
  agenda_public: ColumnType<boolean, never, never>;
  minutes_public: ColumnType<boolean, never, never>;
  changed_at: ColumnType<Date, never, never>;
}

export type PublicWithdrawalKind = 'agenda-item' | 'report' | 'consultation' | 'meeting';

/** A record that exists but is not public, and when that last changed (at or after its withdrawal). */
export interface PublicWithdrawalView {
  kind: ColumnType<PublicWithdrawalKind, never, never>;
  record_id: ColumnType<string, never, never>;
  authority_id: ColumnType<string, never, never>;
  created_at: ColumnType<Date, never, never>;
  modified: ColumnType<Date, never, never>;
}

/** This capability's views, part of the Database type. */
export interface VisibilityViews {
  public_paper_state: PublicPaperStateView;
  public_agenda_item: ReadOnly<AgendaItemTable>;
  public_report: ReadOnly<ReportTable>;
  public_minute: ReadOnly<MinuteTable>;
  public_resolution: ReadOnly<ResolutionTable>;
  public_motion: ReadOnly<MotionTable>;
  public_vote_event: ReadOnly<VoteEventTable>;
  public_vote: ReadOnly<VoteTable>;
  public_declaration: ReadOnly<DeclarationTable>;
  public_withdrawal: PublicWithdrawalView;
}
