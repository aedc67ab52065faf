/**
 * persistAllowances: the import's persistence step for allowances. Stores each scheme as printed (adopted), and
 * for each Remuneration Panel report the scheme it proposes (its proposals applied to the scheme in force at the
 * start of the year they are for). Runs in the importer's transaction (one per file); ids are stable, so importing
 * the same paper twice adds nothing. Every scheme and its rates go in one write batch, one statement for the paper.
 */
import { claimKindsLimitedBy } from '../../domain/allowances/claims.ts';
import type { CapabilityOutcome, PersistContext } from './context.ts';
import type { AllowancesExtract, AllowanceSchemeRecord, RemunerationReportRecord } from '../extract/allowances/types.ts';
import * as repo from '../../db/repositories/allowances.ts';
import { canonicalBodyName } from '../../domain/body-name.ts';
import { stableId } from '../../domain/stable-id.ts';
import { parseYearLabel } from '../../domain/allowances/dates.ts';
import { applyProposals, type Proposal, type SchemeTerms } from '../../domain/allowances/proposals.ts';
import type { ImportIssue } from '../types.ts';
import type { NewRow } from '../../db/types.ts';
import { WriteBatch } from './write-batch.ts';

/** What the scheme's rows need of the context. */
type SchemeContext = Pick<PersistContext, 'trx' | 'authorityId' | 'authorityName' | 'sourceId'>;

/** A scheme's tables, the scheme first; only new schemes are counted. */
const TABLES = [
  { table: 'allowance_scheme', count: 'allowanceSchemes' },
  { table: 'allowance_sra_post' },
  { table: 'allowance_mileage_band' },
  { table: 'allowance_journey_purpose' },
  { table: 'allowance_co_optee_rate' },
  { table: 'allowance_claim_limit' },
] as const;

type SchemeBatch = WriteBatch<(typeof TABLES)[number]['table']>;

/** A scheme and its rates. */
interface SchemeRows {
  scheme: NewRow<'allowance_scheme'> & { id: string };
  posts: Array<NewRow<'allowance_sra_post'> & { id: string }>;
  bands: Array<NewRow<'allowance_mileage_band'> & { id: string }>;
  purposes: Array<NewRow<'allowance_journey_purpose'> & { id: string }>;
  coOpteeRates: Array<NewRow<'allowance_co_optee_rate'> & { id: string }>;
  limits: Array<NewRow<'allowance_claim_limit'> & { id: string }>;
}

function addScheme(batch: SchemeBatch, rows: SchemeRows): void {
  batch.add('allowance_scheme', rows.scheme);
  for (const row of rows.posts) batch.add('allowance_sra_post', row);
  for (const row of rows.bands) batch.add('allowance_mileage_band', row);
  for (const row of rows.purposes) batch.add('allowance_journey_purpose', row);
  for (const row of rows.coOpteeRates) batch.add('allowance_co_optee_rate', row);
  for (const row of rows.limits) batch.add('allowance_claim_limit', row);
}

export async function persistAllowances(ctx: PersistContext, records: AllowancesExtract): Promise<CapabilityOutcome> {
  const issues: ImportIssue[] = [...records.issues];
  const batch: SchemeBatch = new WriteBatch(TABLES);
  const stored: Array<{ record: AllowanceSchemeRecord; id: string }> = [];
  for (const record of records.schemes) {
    const id = stableId('allowance-scheme', ctx.authorityName, 'adopted', record.effectiveFrom);
    addScheme(batch, schemeRows(ctx, id, record, termsOf(record), { status: 'adopted', effectiveFrom: record.effectiveFrom }));
    stored.push({ record, id });
  }
  for (const report of records.remunerationReports) {
    const year = report.year ? parseYearLabel(report.year) : undefined;
    if (!year || report.proposals.length === 0) continue;
    const base = stored.find(({ record }) => record.effectiveFrom <= year.start && (!record.effectiveTo || record.effectiveTo >= year.start));
    if (!base) {
      issues.push({
        severity: 'warning',
        line: report.lineFrom,
        message: `the Panel's proposals for ${report.year} amend no scheme printed in this paper; not imported`,
      });
      continue;
    }
    const terms = applyProposals(
      termsOf(base.record),
      report.proposals.map(toProposal).filter((proposal): proposal is Proposal => proposal !== undefined),
    );
    const meetingId = await meetingOf(ctx, report);
    const id = stableId('allowance-scheme', ctx.authorityName, 'proposed', report.year);
    const rows = schemeRows(ctx, id, base.record, terms, { status: 'proposed', effectiveFrom: year.start });
    Object.assign(rows.scheme, {
      title: `${base.record.title} ${report.year} (proposed)`,
      year_label: report.year,
      period_text: null,
      effective_to: year.end,
      effective_to_text: null,
      adopted_by: report.toBodyName,
      adopted_on: null,
      adopted_meeting_id: meetingId ?? null,
      amended_on: [],
      based_on_scheme_id: base.id,
      proposals: JSON.stringify(report.proposals.map(({ kind, summary, lineFrom, lineTo }) => ({ kind, summary, lineFrom, lineTo }))),
      source_line_from: report.lineFrom,
      source_line_to: report.lineTo,
    });
    addScheme(batch, rows);
  }
  return { created: await batch.write(ctx.trx), issues };
}

/** A scheme's rule that no member receives more than one special responsibility allowance, as schemes print it. */
const ONE_SRA_RULE = /more than one special responsibility allowance/i;

function termsOf(record: AllowanceSchemeRecord): SchemeTerms {
  return {
    basicAllowancePence: record.basicAllowancePence,
    posts: record.posts.map(({ group, name, printed, percentOfLeader, amountPence, maxHolders, qualifier, appliesTo }) => ({
      group,
      name,
      printed,
      percentOfLeader,
      amountPence,
      maxHolders,
      qualifier,
      appliesTo,
    })),
    mileageBands: record.mileageBands,
    claimTimeLimitMonths: record.claimTimeLimitMonths,
    // The scheme's limit applies to the kinds of claim its sentence names ("Travel expenses ... within four months").
    claimTimeLimits:
      record.claimTimeLimitMonths === null
        ? {}
        : Object.fromEntries(
            claimKindsLimitedBy(record.rules.find((rule) => /claimed within/i.test(rule))).map((kind) => [kind, record.claimTimeLimitMonths!]),
          ),
    oneSraOnly: record.rules.some((rule) => ONE_SRA_RULE.test(rule)),
    carersMaxPencePerHour: record.carersMaxPencePerHour,
    rules: record.rules,
  };
}

function toProposal(record: RemunerationReportRecord['proposals'][number]): Proposal | undefined {
  switch (record.kind) {
    case 'basic-allowance-reduction':
    case 'sra-reduction':
      return record.percent ? { kind: record.kind, percent: record.percent } : undefined;
    case 'post-maximum':
      return record.postName && record.maxHolders ? { kind: 'post-maximum', postName: record.postName, maxHolders: record.maxHolders } : undefined;
    case 'mileage-rate':
      return record.pencePerMile ? { kind: 'mileage-rate', pencePerMile: record.pencePerMile } : undefined;
    case 'forgo-provision':
      return { kind: 'forgo-provision' };
    case 'claim-time-limit':
      return record.months ? { kind: 'claim-time-limit', months: record.months } : undefined;
  }
}

async function meetingOf(ctx: SchemeContext, report: RemunerationReportRecord): Promise<string | undefined> {
  if (!report.toBodyName || !report.toDate) return undefined;
  const bodyId = await repo.findBodyByName(ctx.trx, ctx.authorityId, canonicalBodyName(report.toBodyName, ctx.authorityName).name);
  return bodyId ? repo.findMeetingOn(ctx.trx, bodyId, report.toDate) : undefined;
}

function schemeRows(
  ctx: SchemeContext,
  id: string,
  record: AllowanceSchemeRecord,
  terms: SchemeTerms,
  options: { status: 'adopted' | 'proposed'; effectiveFrom: string },
): SchemeRows {
  return {
    scheme: {
      id,
      authority_id: ctx.authorityId,
      title: record.title,
      status: options.status,
      year_label: null,
      period_text: record.periodText,
      effective_from: options.effectiveFrom,
      effective_to: record.effectiveTo,
      effective_to_text: record.effectiveToText,
      adopted_by: record.adoptedBy,
      adopted_on: record.adoptedOn,
      adopted_meeting_id: null,
      amended_on: record.amendedOn,
      based_on_scheme_id: null,
      basic_allowance_pence: terms.basicAllowancePence,
      basic_allowance_note: record.basicAllowanceNote,
      carers_max_pence_per_hour: terms.carersMaxPencePerHour,
      claim_time_limit_months: terms.claimTimeLimitMonths,
      one_sra_only: terms.oneSraOnly,
      rules: terms.rules,
      sections: JSON.stringify(record.sections.map(({ heading, paragraphs }) => ({ heading, paragraphs }))),
      proposals: '[]',
      source_document_id: ctx.sourceId,
      source_line_from: record.lineFrom,
      source_line_to: record.lineTo,
    },
    posts: terms.posts.map((post, index) => ({
      id: stableId('allowance-post', id, post.name),
      scheme_id: id,
      position: index + 1,
      group_name: post.group,
      name: post.name,
      printed: post.printed,
      percent_of_leader: post.percentOfLeader,
      amount_pence: post.amountPence,
      max_holders: post.maxHolders,
      qualifier: post.qualifier,
      applies_to: post.appliesTo,
      source_line_from: record.posts[index]?.lineFrom ?? null,
      source_line_to: record.posts[index]?.lineTo ?? null,
    })),
    bands: terms.mileageBands.map((band, index) => ({
      id: stableId('allowance-mileage', id, options.effectiveFrom, index),
      scheme_id: id,
      effective_from: options.effectiveFrom,
      position: index + 1,
      up_to_miles: band.upToMiles,
      pence_per_mile: band.pencePerMile,
    })),
    limits: Object.entries(terms.claimTimeLimits).map(([kind, months]) => ({ id: `${id}:${kind}`, scheme_id: id, claim_kind: kind, months: months! })),
    purposes: record.journeyPurposes.map((purpose) => ({
      id: stableId('allowance-purpose', id, purpose.code),
      scheme_id: id,
      code: purpose.code,
      text: purpose.text,
    })),
    coOpteeRates: record.coOpteeRates.map((rate) => ({
      id: stableId('allowance-co-optee', id, rate.role),
      scheme_id: id,
      role: rate.role,
      per_year_pence: rate.perYearPence,
      per_day_pence: rate.perDayPence,
    })),
  };
}
