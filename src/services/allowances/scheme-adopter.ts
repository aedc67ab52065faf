/**
 * schemeAdopter: a democratic services officer records that the Council adopted a proposed scheme (the Panel's
 * proposals applied). From then on it is the scheme in force for its year: claims for duties in that year are
 * assessed by its rates. A scheme is adopted once; the audit log keeps who recorded it and when.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import * as repo from '../../db/repositories/allowances.ts';
import { isIsoDate } from '../../domain/allowances/dates.ts';
import { hasRole, type SessionUser } from '../../domain/roles.ts';
import { AllowanceForbidden, AllowanceNotFound, AllowanceRuleError } from './errors.ts';

export interface SchemeAdopterProps {
  db: Kysely<Database>;
  user: SessionUser;
  schemeId: string;
  /** The date of the meeting that adopted it. */
  adoptedOn: string;
}

export async function schemeAdopter(props: SchemeAdopterProps): Promise<void> {
  if (!hasRole(props.user, 'democratic-services')) throw new AllowanceForbidden('Only democratic services officers record the adoption of a scheme');
  if (!isIsoDate(props.adoptedOn)) throw new AllowanceRuleError([{ field: 'adoptedOn', rule: 'Enter the date the scheme was adopted as a real date' }]);
  await props.db.transaction().execute(async (trx) => {
    await repo.setActor(trx, props.user.id);
    const detail = await repo.findScheme(trx, props.schemeId);
    if (!detail) throw new AllowanceNotFound('No such allowances scheme');
    if (detail.scheme.status !== 'proposed') throw new AllowanceRuleError([{ field: 'adoptedOn', rule: `${detail.scheme.title} is already adopted` }]);
    await repo.adoptScheme(trx, props.schemeId, { adopted_on: props.adoptedOn });
  });
}
