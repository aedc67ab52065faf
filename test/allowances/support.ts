/**
 * Allowances test support: seed 001 imported the one way papers get in (paperImporter, which runs the allowances
 * extractor in the file's transaction), and accounts linked to people for signing in as a member or an officer.
 */
import { paperImporter, type ImportFileResult } from '../../src/services/paper-importer.ts';
import { accountCreator } from '../../src/services/accounts/account-creator.ts';
import { findSchemeInForce, type SchemeDetail } from '../../src/db/repositories/allowances.ts';
import type { Role } from '../../src/domain/roles.ts';
import type { TestDatabase } from '../support/database.ts';
import { seedFile } from '../support/seeds.ts';

export const AUTHORITY = 'Kent County Council';
export const PASSWORD = 'correct horse battery staple';

/** Imports seed 001 and returns the file's result and the adopted scheme (in force from 8 June 2009, open-ended). */
export async function importSeedScheme(database: TestDatabase): Promise<{ file: ImportFileResult; scheme: SchemeDetail }> {
  const summary = await paperImporter({ database, authorityName: AUTHORITY, paths: [seedFile('001_')], actor: 'test' });
  const file = summary.files[0]!;
  if (file.status !== 'imported') throw new Error(`seed 001 did not import: ${file.reason ?? file.status}`);
  const scheme = await findSchemeInForce(database.db, '2011-06-01');
  if (!scheme) throw new Error('seed 001 gave no adopted allowances scheme');
  return { file, scheme };
}

/** An account that signs in with PASSWORD, linked to a person when given. */
export async function makeAccount(
  database: TestDatabase,
  props: { email: string; name: string; roles: Role[]; personId?: string },
): Promise<{ id: string; email: string }> {
  const { id } = await accountCreator({ database, actor: { job: 'test' }, password: PASSWORD, ...props });
  return { id, email: props.email };
}
