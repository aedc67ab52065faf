/** A restore refused before anything was touched (the target holds records and --force was not given). */
export class BackupRefusedError extends Error {}

/**
 * pg_dump options for both engines: a plain SQL script without owners or grants, so it restores as whichever
 * role runs the restore, into either engine.
 */
export const DUMP_OPTIONS = ['--format=plain', '--no-owner', '--no-privileges'] as const;
