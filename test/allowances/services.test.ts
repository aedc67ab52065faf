/** Claims, approvals, entitlements and the annual statement through the services, on the seed scheme. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSeedScheme } from './support.ts';
import { claimSubmitter } from '../../src/services/allowances/claim-submitter.ts';
import { claimDecider } from '../../src/services/allowances/claim-decider.ts';
import { allowanceForgoer, postHolderAppointer } from '../../src/services/allowances/entitlement-recorder.ts';
import { buildStatement } from '../../src/services/allowances/statement.ts';
import { schemeAdopter } from '../../src/services/allowances/scheme-adopter.ts';
import { paymentRunRecorder } from '../../src/services/allowances/payment-run.ts';

import { claimHistory, findSchemeInForce } from '../../src/db/repositories/allowances.ts';
import { allowanceYear } from '../../src/domain/allowances/dates.ts';
import type { SessionUser } from '../../src/domain/roles.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { insertPerson } from '../support/factories.ts';

describe.skipIf(databaseUnavailable)('allowances services', () => {
  let database: TestDatabase;
  let schemeId: string;
  let posts: Map<string, string>;
  let member: SessionUser;
  let other: SessionUser;
  const officer: SessionUser = { id: 'officer-1', email: 'ds@example.org', name: 'Officer', roles: ['democratic-services'], personId: null };

  beforeAll(async () => {
    database = await createTestDatabase();
    await importSeedScheme(database);
    const scheme = (await findSchemeInForce(database.db, '2011-06-01'))!;
    schemeId = scheme.scheme.id;
    posts = new Map(scheme.posts.map((post) => [post.name, post.id]));
    const authorityId = scheme.scheme.authority_id;
    const whittle = await insertPerson(database.db, authorityId, { honorific: 'Mrs', given_name: 'Jenny', family_name: 'Whittle' });
    const dean = await insertPerson(database.db, authorityId, { honorific: 'Mrs', given_name: 'Trudy', family_name: 'Dean' });
    member = { id: 'account-whittle', email: 'w@example.org', name: 'Jenny Whittle', roles: ['councillor'], personId: whittle.id };
    other = { id: 'account-dean', email: 'd@example.org', name: 'Trudy Dean', roles: ['councillor'], personId: dean.id };
    for (const person of [whittle, dean])
      await postHolderAppointer({ db: database.db, actor: { job: 'test' }, personId: person.id, schemeId, kind: 'basic', start: '2009-06-08' });
  });
  afterAll(async () => {
    await database?.destroy();
  });

  it('enforces the maximum of 8 Opposition Spokesmen', async () => {
    const spokesmen = posts.get('Opposition Spokesmen')!;
    const authorityId = (await findSchemeInForce(database.db, '2011-06-01'))!.scheme.authority_id;
    for (let index = 0; index < 8; index++) {
      const person = await insertPerson(database.db, authorityId, { family_name: `Spokesman${index}` });
      await postHolderAppointer({
        db: database.db,
        actor: { job: 'test' },
        personId: person.id,
        schemeId,
        kind: 'sra',
        sraPostId: spokesmen,
        start: '2011-04-01',
      });
    }
    const ninth = await insertPerson(database.db, authorityId, { family_name: 'Ninth' });
    const refused = postHolderAppointer({
      db: database.db,
      actor: { job: 'test' },
      personId: ninth.id,
      schemeId,
      kind: 'sra',
      sraPostId: spokesmen,
      start: '2011-06-01',
    });
    await expect(refused).rejects.toMatchObject({ kind: 'invalid' });
    await expect(refused).rejects.toThrow(/at most 8 holders, and on 2011-06-01/);
    // Before the others start there is room.
    await expect(
      postHolderAppointer({
        db: database.db,
        actor: { job: 'test' },
        personId: ninth.id,
        schemeId,
        kind: 'sra',
        sraPostId: spokesmen,
        start: '2011-01-01',
        end: '2011-03-31',
      }),
    ).resolves.toHaveProperty('id');
  });

  it('splits a mileage claim that crosses 10,000 miles, and an officer approves it', async () => {
    const first = await claimSubmitter({
      db: database.db,
      actor: member,
      personId: member.personId!,
      claim: { kind: 'travel', dutyDate: '2011-04-10', purposeCode: 'a', miles: '9950' },
      claimedOn: '2011-04-20',
    });
    expect(first.payablePence).toBe(398000n);
    const second = await claimSubmitter({
      db: database.db,
      actor: member,
      personId: member.personId!,
      claim: { kind: 'travel', dutyDate: '2011-04-15', purposeCode: 'b', miles: '120' },
      claimedOn: '2011-04-20',
    });
    // 50 miles at 40p and 70 at 25p.
    expect(second.payablePence).toBe(3750n);
    await claimDecider({ db: database.db, actor: officer, claimId: first.id, decision: 'approve', decidedOn: '2011-04-21' });
    await claimDecider({ db: database.db, actor: officer, claimId: second.id, decision: 'approve', decidedOn: '2011-04-21' });
    const history = await claimHistory(database.db, second.id);
    expect(history.map((entry) => [entry.action, entry.actor])).toEqual([
      ['insert', 'account-whittle'],
      ['update', 'officer-1'],
    ]);
    await expect(claimDecider({ db: database.db, actor: officer, claimId: second.id, decision: 'reject', note: 'x', decidedOn: '2011-04-22' })).rejects.toThrow(
      /already approved/,
    );
  });

  it('refuses a late claim and a parking claim without a receipt, naming the rule', async () => {
    const late = claimSubmitter({
      db: database.db,
      actor: member,
      personId: member.personId!,
      claim: { kind: 'travel', dutyDate: '2011-04-10', purposeCode: 'a', miles: '10' },
      claimedOn: '2011-08-11',
    });
    await expect(late).rejects.toThrow(/within 4 months of the duty/);
    const parking = claimSubmitter({
      db: database.db,
      actor: member,
      personId: member.personId!,
      claim: { kind: 'parking', dutyDate: '2011-04-10', costPence: 500n },
      claimedOn: '2011-04-11',
    });
    await expect(parking).rejects.toThrow(/receipt: .*receipt/);
  });

  it('stores a receipt with its claim, judged by its bytes, and never lets the stored file change', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.4\n% a hotel bill\n%%EOF\n');
    const { id } = await claimSubmitter({
      db: database.db,
      actor: member,
      personId: member.personId!,
      claim: { kind: 'hotel', dutyDate: '2011-04-12', costPence: 8900n, receipt: { filename: 'hotel.pdf', data: pdf } },
      claimedOn: '2011-04-13',
    });
    const receipt = await database.db.selectFrom('allowance_claim_receipt').selectAll().where('claim_id', '=', id).executeTakeFirstOrThrow();
    expect(receipt).toMatchObject({ filename: 'hotel.pdf', media_type: 'application/pdf', byte_size: pdf.byteLength, uploaded_by: 'account-whittle' });
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'actor'])
      .where('table_name', '=', 'allowance_claim_receipt')
      .where('record_id', '=', receipt.id)
      .execute();
    expect(audit).toEqual([{ action: 'insert', actor: 'account-whittle' }]);
    await expect(database.db.deleteFrom('stored_file').where('sha256', '=', receipt.file_sha256).execute()).rejects.toThrow(/never changed or deleted/);
    // Renamed to .pdf, but a text file all the same: refused, and nothing of the claim is stored.
    const before = (await database.db.selectFrom('allowance_claim').select('id').execute()).length;
    const fake = claimSubmitter({
      db: database.db,
      actor: member,
      personId: member.personId!,
      claim: { kind: 'hotel', dutyDate: '2011-04-12', costPence: 100n, receipt: { filename: 'bill.pdf', data: new TextEncoder().encode('not a pdf') } },
      claimedOn: '2011-04-13',
    });
    await expect(fake).rejects.toThrow(/PDF, PNG or JPEG file: bill.pdf is not/);
    expect((await database.db.selectFrom('allowance_claim').select('id').execute()).length).toBe(before);
  });

  it('asks the claimant to confirm a claim for the same kind and day, or with a receipt sent before', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.4\n% a taxi receipt\n%%EOF\n');
    const taxi = (dutyDate: string, confirmDuplicate?: boolean) =>
      claimSubmitter({
        db: database.db,
        actor: member,
        personId: member.personId!,
        claim: { kind: 'taxi', dutyDate, costPence: 1200n, receipt: { filename: 'taxi.pdf', data: pdf } },
        claimedOn: '2011-04-20',
        ...(confirmDuplicate ? { confirmDuplicate } : {}),
      });
    const claims = () => database.db.selectFrom('allowance_claim').select('id').where('kind', '=', 'taxi').execute();
    await taxi('2011-04-18');
    await expect(taxi('2011-04-18')).rejects.toMatchObject({
      problems: [
        { field: 'confirmDuplicate', message: expect.stringMatching(/taxi on 18 April 2011 was already made on 20 April 2011/) },
        { field: 'confirmDuplicate', message: expect.stringMatching(/receipt was already sent/) },
      ],
    });
    await expect(taxi('2011-04-19')).rejects.toMatchObject({
      problems: [{ field: 'confirmDuplicate', message: expect.stringMatching(/receipt was already sent with the claim for 18 April 2011/) }],
    });
    expect(await claims()).toHaveLength(1);
    await taxi('2011-04-18', true);
    expect(await claims()).toHaveLength(2);
  });

  it('lets nobody claim for someone else or approve without the role', async () => {
    await expect(
      claimSubmitter({
        db: database.db,
        actor: other,
        personId: member.personId!,
        claim: { kind: 'travel', dutyDate: '2011-04-10', purposeCode: 'a', miles: '10' },
        claimedOn: '2011-04-11',
      }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    const own = await claimSubmitter({
      db: database.db,
      actor: other,
      personId: other.personId!,
      claim: { kind: 'travel', dutyDate: '2011-05-10', purposeCode: 'a', miles: '10' },
      claimedOn: '2011-05-11',
    });
    await expect(claimDecider({ db: database.db, actor: member, claimId: own.id, decision: 'approve', decidedOn: '2011-05-12' })).rejects.toMatchObject({
      kind: 'forbidden',
    });
    // A rejected claim's miles no longer count towards the tax year.
    await claimDecider({ db: database.db, actor: officer, claimId: own.id, decision: 'reject', note: 'Duplicate', decidedOn: '2011-05-12' });
    const again = await claimSubmitter({
      db: database.db,
      actor: other,
      personId: other.personId!,
      claim: { kind: 'travel', dutyDate: '2011-05-10', purposeCode: 'a', miles: '10' },
      claimedOn: '2011-05-13',
    });
    expect(again.payablePence).toBe(400n);
  });

  it('the annual statement: basic allowance, a part-year SRA, the one-SRA rule, forgoing and approved expenses', async () => {
    await postHolderAppointer({
      db: database.db,
      actor: { job: 'test' },
      personId: member.personId!,
      schemeId,
      kind: 'sra',
      sraPostId: posts.get('Cabinet Members')!,
      start: '2011-05-12',
    });
    await postHolderAppointer({
      db: database.db,
      actor: { job: 'test' },
      personId: member.personId!,
      schemeId,
      kind: 'sra',
      sraPostId: posts.get('Vice-Chairman')!,
      start: '2011-04-01',
      end: '2011-05-11',
    });
    await postHolderAppointer({
      db: database.db,
      actor: { job: 'test' },
      personId: member.personId!,
      schemeId,
      kind: 'sra',
      sraPostId: posts.get('Select Committee Chairmen')!,
      start: '2011-06-01',
      end: '2011-06-30',
    });
    await allowanceForgoer({
      db: database.db,
      actor: { job: 'test' },
      personId: member.personId!,
      yearOf: '2011-06-01',
      kind: 'basic',
      amountPence: 19500n,
      recordedOn: '2011-06-01',
    });

    const statement = await buildStatement(database.db, allowanceYear(2011));
    const row = statement.rows.find((candidate) => candidate.personId === member.personId)!;
    expect(row.name).toBe('Mrs Jenny Whittle');
    expect(row.basicPence).toBe(1280500n); // £13,000 less £195 forgone
    expect(row.forgonePence).toBe(19500n);
    // Vice-Chairman 1 April - 11 May (41 days): £7,750 x 41/366 = £868.17; Cabinet Member 12 May - 31 March (325 days) = £25,569.33.
    // Select Committee Chairman (June) is not payable: the Cabinet Member SRA is higher.
    expect(row.sraPence).toBe(86817n + 2556933n);
    const select = row.entitlements.find((entry) => entry.name === 'Select Committee Chairmen')!;
    expect(select.accruedPence).toBe(0n);
    expect(select.notPayableReason).toContain('Cabinet Members');
    expect(row.travelPence).toBe(401750n);
    expect(row.totalPence).toBe(1280500n + 86817n + 2556933n + 401750n);
    const dean = statement.rows.find((candidate) => candidate.personId === other.personId)!;
    expect(dean.travelPence).toBe(0n); // the second claim is not yet approved
  });

  it('pays mileage at the old rate until the amended scheme takes effect (45p from 12 May 2011, not from 1 April)', async () => {
    const proposed = (await database.db.selectFrom('allowance_scheme').select('id').where('status', '=', 'proposed').executeTakeFirstOrThrow()).id;
    await expect(schemeAdopter({ db: database.db, actor: officer, schemeId: proposed, adoptedOn: '2011-05-12', takesEffectOn: '2011-03-01' })).rejects.toThrow(
      /before its own period begins on 2011-04-01/,
    );
    await schemeAdopter({ db: database.db, actor: officer, schemeId: proposed, adoptedOn: '2011-05-12' });
    const authorityId = (await findSchemeInForce(database.db, '2011-06-01'))!.scheme.authority_id;
    const driver = await insertPerson(database.db, authorityId, { honorific: 'Mr', given_name: 'Dan', family_name: 'Driver' });
    const user: SessionUser = { id: 'account-driver', email: 'dd@example.org', name: 'Dan Driver', roles: ['councillor'], personId: driver.id };
    const claim = (dutyDate: string) =>
      claimSubmitter({
        db: database.db,
        actor: user,
        personId: driver.id,
        claim: { kind: 'travel', dutyDate, purposeCode: 'a', miles: '10' },
        claimedOn: '2011-06-01',
      });
    expect((await claim('2011-04-20')).payablePence).toBe(400n); // 10 miles at 40p under the 2009 scheme
    expect((await claim('2011-05-20')).payablePence).toBe(450n); // 10 miles at 45p under the 2011/12 scheme
  });

  it('publishes the sums paid in the year (Regulation 15), with what accrued for the year shown apart', async () => {
    const authorityId = (await findSchemeInForce(database.db, '2011-06-01'))!.scheme.authority_id;
    const payee = await insertPerson(database.db, authorityId, { honorific: 'Ms', given_name: 'Penny', family_name: 'Payee' });
    const user: SessionUser = { id: 'account-payee', email: 'pp@example.org', name: 'Penny Payee', roles: ['councillor'], personId: payee.id };
    await postHolderAppointer({ db: database.db, actor: { job: 'test' }, personId: payee.id, schemeId, kind: 'basic', start: '2011-04-01' });
    // A journey of 20 March 2011 (in 2010/11), claimed and approved in April 2011: paid in 2011/12.
    const march = await claimSubmitter({
      db: database.db,
      actor: user,
      personId: payee.id,
      claim: { kind: 'travel', dutyDate: '2011-03-20', purposeCode: 'a', miles: '10' },
      claimedOn: '2011-04-05',
    });
    await claimDecider({ db: database.db, actor: officer, claimId: march.id, decision: 'approve', decidedOn: '2011-04-10' });

    await expect(paymentRunRecorder({ db: database.db, actor: user, paidOn: '2011-04-30', upTo: '2011-04-30' })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(paymentRunRecorder({ db: database.db, actor: officer, paidOn: '2011-04-29', upTo: '2011-04-30' })).rejects.toThrow(
      /up to the day of payment at the latest/,
    );
    // April: 30 days of £13,000 (the 2009 scheme, in force until 12 May) = £1,065.57, and the March claim.
    await paymentRunRecorder({ db: database.db, actor: officer, paidOn: '2011-04-30', upTo: '2011-04-30' });
    const paidOf = async (year: number) => (await buildStatement(database.db, allowanceYear(year), payee.id)).rows[0]!;
    expect((await paidOf(2011)).paid).toMatchObject({ basicPence: 106557n, travelPence: 400n });
    // The rest of the year: 41 days at £13,000 and 325 at £12,805 = £12,826.84 in all, less the £1,065.57 paid.
    await paymentRunRecorder({ db: database.db, actor: officer, paidOn: '2012-03-30', upTo: '2012-03-30' });
    await paymentRunRecorder({ db: database.db, actor: officer, paidOn: '2012-04-27', upTo: '2012-03-31' });
    const year = await paidOf(2011);
    expect(year.paid).toMatchObject({ basicPence: 1282684n - 3499n, travelPence: 400n });
    expect(year.basicPence).toBe(1282684n); // accrued for 2011/12
    expect(year.travelPence).toBe(0n); // no duty in 2011/12
    // The last day of March was paid on 27 April 2012, in 2012/13; the journey accrued in 2010/11.
    expect((await paidOf(2012)).paid.basicPence).toBe(3499n);
    const earlier = await paidOf(2010);
    expect([earlier.travelPence, earlier.paid.totalPence]).toEqual([400n, 0n]);
    // A run that finds nothing owed pays nothing: the claim is paid once, the allowance not twice.
    expect(await paymentRunRecorder({ db: database.db, actor: officer, paidOn: '2012-04-30', upTo: '2012-03-31' })).toMatchObject({
      payments: 0,
      totalPence: 0n,
    });
  });
});
