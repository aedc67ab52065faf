/**
 * schemeAdopter: a democratic services officer records that the Council adopted a proposed scheme (the Panel's
 * proposals applied) and the day it takes effect. A scheme may be amended at any time (Local Authorities (Members'
 * Allowances) (England) Regulations 2003, reg 10(3)): from the day it takes effect it is the scheme in force, and
 * allowances for the days before are paid under the scheme it replaces. The Council may apply an amendment from the
 * beginning of the year in which it is made (reg 10(6)), not earlier. Unless the officer says otherwise it takes
 * effect on the day of adoption, or at the start of its period if that is later. A scheme is adopted once; the audit
 * log keeps who recorded it and when.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import * as repo from '../../db/repositories/allowances.ts';
import { assertRole, writeOperation } from '../write-operation.ts';
import { allowanceYearOf, isIsoDate } from '../../domain/allowances/dates.ts';
import type { SessionUser } from '../../domain/roles.ts';
import { AllowanceNotFound, AllowanceRuleError } from './errors.ts';

export interface SchemeAdopterProps {
  db: Kysely<Database>;
  actor: SessionUser;
  schemeId: string;
  /** The date of the meeting that adopted it. */
  adoptedOn: string;
  /** The day it takes effect, as the Council resolved; left out: the day of adoption (or the start of its period). */
  takesEffectOn?: string;
}

export async function schemeAdopter(props: SchemeAdopterProps): Promise<void> {
  assertRole(props.actor, 'democratic-services', 'Only democratic services officers record the adoption of a scheme');
  if (!isIsoDate(props.adoptedOn)) throw AllowanceRuleError([{ field: 'adoptedOn', rule: 'Enter the date the scheme was adopted as a real date' }]);
  await writeOperation({ db: props.db, actor: props.actor }, async ({ trx }) => {
    const detail = await repo.findScheme(trx, props.schemeId);
    if (!detail) throw AllowanceNotFound('No such allowances scheme');
    if (detail.scheme.status !== 'proposed') throw AllowanceRuleError([{ field: 'adoptedOn', rule: `${detail.scheme.title} is already adopted` }]);
    const { effective_from: from, effective_to: to } = detail.scheme;
    const takesEffectOn = props.takesEffectOn ?? (props.adoptedOn > from ? props.adoptedOn : from);
    const earliest = allowanceYearOf(props.adoptedOn).start;
    const breach = (rule: string) => AllowanceRuleError([{ field: 'takesEffectOn', rule }]);
    if (!isIsoDate(takesEffectOn)) throw breach('Enter the date it takes effect as a real date');
    if (takesEffectOn < from) throw breach(`It cannot take effect before its own period begins on ${from}`);
    if (to !== null && takesEffectOn > to) throw breach(`It cannot take effect after its period ends on ${to}`);
    if (takesEffectOn < earliest)
      throw breach(`An amendment may apply from the beginning of the year in which it is made (Regulation 10(6)), ${earliest}, and no earlier`);
    await repo.adoptScheme(trx, props.schemeId, { adopted_on: props.adoptedOn, takes_effect_on: takesEffectOn });
  });
}
