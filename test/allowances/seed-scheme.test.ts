/**
 * The allowance facts of ../shared/gold/seed-facts.json, from seed 001's Members' Allowances Scheme and the
 * Independent Remuneration Panel's report, read by the extractor and stored by persistAllowances.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { segmentDocument } from '../../src/import/segment.ts';
import { extractAllowances } from '../../src/import/extract/allowances/index.ts';
import type { AllowancesExtract } from '../../src/import/extract/allowances/types.ts';
import { paperImporter, type ImportFileResult } from '../../src/services/paper-importer.ts';
import { findScheme, listSchemes } from '../../src/db/repositories/allowances.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { goldFacts, seedFile } from '../support/seeds.ts';

const gold = goldFacts()['001_078369eba01f855e.txt'].allowanceScheme;
const pounds = (value: number) => BigInt(Math.round(value * 100));

describe('extracting the allowances of seed 001', () => {
  let extract: AllowancesExtract;
  beforeAll(() => {
    extract = extractAllowances(segmentDocument(fs.readFileSync(seedFile('001_'), 'utf8').split('\n')));
  });

  it('reads one scheme and no errors', () => {
    expect(extract.issues).toEqual([]);
    expect(extract.schemes).toHaveLength(1);
  });

  it('the period, adoption and basic allowance', () => {
    const [scheme] = extract.schemes;
    expect(`${scheme!.effectiveFrom} to ${scheme!.effectiveToText}`).toBe(gold.period);
    expect(scheme!.adoptedOn).toBe('2009-06-25');
    expect(scheme!.amendedOn).toEqual(['2010-07-22']);
    expect(scheme!.basicAllowancePence).toBe(pounds(gold.basicAllowance));
  });

  it('twelve SRAs with percentages, printed amounts and maximum holders', () => {
    const { posts } = extract.schemes[0]!;
    expect(posts).toHaveLength(gold.sraCount);
    const leader = posts.find((post) => post.name === 'Leader')!;
    expect(leader.amountPence).toBe(pounds(gold.leaderSra));
    const cabinet = posts.find((post) => post.name === 'Cabinet Members')!;
    expect([Number(cabinet.percentOfLeader), cabinet.amountPence, cabinet.maxHolders]).toEqual([
      gold.cabinetMemberSra.percent,
      pounds(gold.cabinetMemberSra.amount),
      gold.cabinetMemberSra.maxHolders,
    ]);
    const spokesmen = posts.find((post) => post.name === 'Opposition Spokesmen')!;
    expect([Number(spokesmen.percentOfLeader), spokesmen.amountPence, spokesmen.maxHolders]).toEqual([
      gold.oppositionSpokesmenSra.percent,
      pounds(gold.oppositionSpokesmenSra.amount),
      gold.oppositionSpokesmenSra.maxHolders,
    ]);
    const others = posts.find((post) => post.name === 'Other Committee Chairmen')!;
    expect(others.maxHolders).toBe(13);
    expect(others.appliesTo).toContain('Governance & Audit');
    expect(others.appliesTo).toHaveLength(6);
  });

  it('the rules, mileage bands, carers’ cap and co-optees’ allowances', () => {
    const scheme = extract.schemes[0]!;
    expect(scheme.rules).toContain(gold.rules[0]);
    expect(scheme.rules.some((rule) => /reimbursed if claimed within four months/.test(rule))).toBe(true);
    expect(scheme.claimTimeLimitMonths).toBe(4);
    expect(scheme.mileageBands).toEqual(
      gold.mileage.scheme.map((band: { upToMiles?: number; pencePerMile: number }) => ({
        upToMiles: band.upToMiles ?? null,
        pencePerMile: String(band.pencePerMile),
      })),
    );
    expect(scheme.carersMaxPencePerHour).toBe(pounds(gold.dependantsCarersMaxPerHour));
    const chair = scheme.coOpteeRates.find((rate) => /Independent Chairman of the Standards Committee/.test(rate.role))!;
    expect(chair.perYearPence).toBe(pounds(gold.coOptees.independentChairStandardsCommitteePerYear));
    const others = scheme.coOpteeRates.find((rate) => rate.perDayPence !== null)!;
    expect(others.perDayPence).toBe(pounds(gold.coOptees.otherStandardsCoOpteesPerDay));
    expect(scheme.journeyPurposes.map((purpose) => purpose.code)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('the Panel’s proposals for 2011/12', () => {
    const [report] = extract.remunerationReports;
    expect(report!.year).toBe('2011/12');
    expect(report!.toDate).toBe('2011-05-12');
    const byKind = Object.fromEntries(report!.proposals.map((proposal) => [proposal.kind, proposal]));
    expect(byKind['basic-allowance-reduction']?.percent).toBe('1.5');
    expect(byKind['sra-reduction']?.percent).toBe('2.66');
    expect(byKind['mileage-rate']?.pencePerMile).toBe(String(gold.mileage.proposedFirstBand));
    expect(byKind['claim-time-limit']?.months).toBe(4);
    expect(byKind['forgo-provision']).toBeDefined();
  });
});

describe.skipIf(databaseUnavailable)('storing the seed scheme and the proposed 2011/12 scheme', () => {
  let database: TestDatabase;
  let imported: ImportFileResult;
  beforeAll(async () => {
    database = await createTestDatabase();
    const summary = await paperImporter({ database, authorityName: 'Kent County Council', paths: [seedFile('001_')], actor: 'test' });
    imported = summary.files[0]!;
  });
  afterAll(async () => {
    await database?.destroy();
  });

  it('stores the adopted scheme with its source lines and the proposed scheme linked to the meeting that considers it', async () => {
    const schemes = await listSchemes(database.db);
    expect(schemes.map((scheme) => scheme.status).sort()).toEqual(['adopted', 'proposed']);
    const adopted = (await findScheme(database.db, schemes.find((scheme) => scheme.status === 'adopted')!.id))!;
    expect(adopted.scheme.basic_allowance_pence).toBe('1300000');
    expect(adopted.scheme.effective_from).toBe('2009-06-08');
    expect(adopted.scheme.source_document_id).not.toBeNull();
    expect(adopted.posts).toHaveLength(12);
    expect(adopted.posts.find((post) => post.name === 'Opposition Spokesmen')).toMatchObject({ amount_pence: '332300', max_holders: 8 });
    expect(Number(adopted.posts.find((post) => post.name === 'Opposition Spokesmen')!.percent_of_leader)).toBe(7.5);

    const proposed = (await findScheme(database.db, schemes.find((scheme) => scheme.status === 'proposed')!.id))!;
    expect(proposed.scheme.year_label).toBe('2011/12');
    expect(proposed.scheme.basic_allowance_pence).toBe('1280500'); // £13,000 less 1.5%
    expect(proposed.posts.find((post) => post.name === 'Leader')!.amount_pence).toBe('4312162'); // £44,300 less 2.66%
    expect(proposed.posts.find((post) => post.name === 'Deputy Cabinet Members')!.max_holders).toBe(10);
    expect(proposed.bands.map((band) => Number(band.pence_per_mile))).toEqual([45, 25]);
    expect(proposed.scheme.claim_time_limit_months).toBe(4);
    expect(proposed.adoptedMeeting).toMatchObject({ date: '2011-05-12', bodyName: 'Kent County Council' });
  });

  it('counts the schemes, posts and bands in the paper importer’s summary, with no allowances issues', () => {
    expect(imported.status).toBe('imported');
    expect(imported.created).toMatchObject({ allowanceSchemes: 2 });
    expect(imported.issues.filter((issue) => /allowance|scheme/i.test(issue.message))).toEqual([]);
  });

  it('importing again adds nothing', async () => {
    const summary = await paperImporter({ database, authorityName: 'Kent County Council', paths: [seedFile('001_')], actor: 'test' });
    expect(summary.files[0]).toMatchObject({ status: 'skipped', created: {} });
    expect(await listSchemes(database.db)).toHaveLength(2);
  });
});
