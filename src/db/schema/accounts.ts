import type { Optional, Stamp } from './columns.ts';
import type { Role } from '../../domain/roles.ts';

export interface AccountTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  roles: Optional<Role[]>;
  person_id: string | null;
  disabled_at: Date | null;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface AccountSessionTable {
  id_hash: string;
  account_id: string;
  expires_at: Date;
  created_at: Stamp;
}

export interface PasswordResetTable {
  token_hash: string;
  account_id: string;
  expires_at: Date;
  used_at: Date | null;
  created_at: Stamp;
}

/** Where a meeting stands in the democratic services workflow; one row per meeting the back office has touched. */
export interface MeetingWorkflowTable {
  /** The meeting's id. */
  id: string;
  agenda_published_at: Date | null;
  /** True when the agenda went out with fewer than five clear working days' notice and an officer confirmed it. */
  agenda_published_late: Optional<boolean>;
  minutes_published_at: Date | null;
  minutes_approved_at: Date | null;
  /** The later meeting at which the minutes were approved as a correct record. */
  minutes_approved_at_meeting_id: string | null;
  /** Why the last approval was undone (minutes-approval-undoer); the audit log keeps each one. */
  approval_undone_reason: Optional<string | null>;
  created_at: Stamp;
  updated_at: Stamp;
}

/** A correction to approved (locked) minutes: a new record linked to the minute it corrects. */
export interface MinuteCorrectionTable {
  id: string;
  minute_id: string;
  text: string;
  reason: string;
  created_at: Stamp;
  updated_at: Stamp;
}

/** A provider subject (OpenID Connect "sub") linked to the account it signs in. */
export interface AccountIdentityTable {
  id: string;
  account_id: string;
  issuer: string;
  subject: string;
  /** The verified email address that matched the account when the link was made. */
  email_at_link: string;
  created_at: Stamp;
  updated_at: Stamp;
}

/** A sign-in begun at the identity provider and not yet finished. */
export interface OidcSignInTable {
  state_hash: string;
  code_verifier: string;
  nonce: string;
  next: string | null;
  expires_at: Date;
  created_at: Stamp;
}

/** Failed sign-in attempts per key hash (migration 20261207_1550_attempt_throttle). */
export interface AttemptThrottleTable {
  key_hash: string;
  failures: number;
  last_failure_at: Date;
  blocked_until: Date | null;
}

/** This capability's tables, part of the Database type (src/db/schema.ts lists every capability's). */
export interface AccountsTables {
  account: AccountTable;
  account_identity: AccountIdentityTable;
  oidc_sign_in: OidcSignInTable;
  account_session: AccountSessionTable;
  password_reset: PasswordResetTable;
  meeting_workflow: MeetingWorkflowTable;
  minute_correction: MinuteCorrectionTable;
  attempt_throttle: AttemptThrottleTable;
}
