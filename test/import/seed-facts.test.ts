/**
 * The committee facts of ../shared/gold/seed-facts.json, asserted on the export after importing every seed paper.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paperImporter, type ImportSummary } from '../../src/services/paper-importer.ts';
import { buildExport } from '../../src/services/exporter.ts';
import type { ExportDocument } from '../../src/services/export-schema.ts';
import { createTestDatabase, databaseUnavailable, type TestDatabase } from '../support/database.ts';
import { goldFacts, seedsDir } from '../support/seeds.ts';
import { parsePrintedName } from '../../src/domain/person-name.ts';

type Meeting = ExportDocument['meetings'][number];

describe.skipIf(databaseUnavailable)('importing the seed papers yields the gold committee facts', () => {
  let database: TestDatabase;
  let summary: ImportSummary;
  let doc: ExportDocument;
  const gold = goldFacts();
  const pack = gold['001_078369eba01f855e.txt'];

  const person = (id: string | null | undefined) => {
    const found = doc.people.find((candidate) => candidate.id === id);
    if (!found) throw new Error(`no person ${id}`);
    return found;
  };
  /**
   * True when the person record is the person the gold fact names: printed exactly so somewhere, or (for names
   * printed with post-nominals, "Mr R L H Long, TD") the same honorific, initials and family name.
   */
  const printedAs = (id: string | null | undefined, printed: string) => {
    const record = person(id);
    if (record.aliases.includes(printed)) return true;
    const name = parsePrintedName(printed)!;
    return record.familyName === name.familyName && record.initials.join('') === name.initials.join('') && (record.honorific ?? undefined) === name.honorific;
  };
  const bodyName = (meeting: Meeting) => doc.bodies.find((body) => body.id === meeting.bodyId)?.name;
  const meetingOn = (body: string, date: string) => {
    const found = doc.meetings.find((meeting) => meeting.date === date && bodyName(meeting) === body);
    if (!found) throw new Error(`no meeting of ${body} on ${date}; have ${doc.meetings.map((m) => `${bodyName(m)} ${m.date}`).join('; ')}`);
    return found;
  };
  const minuteNumbers = (meeting: Meeting) => meeting.minutes.map((minute) => Number(minute.number));
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

  beforeAll(async () => {
    database = await createTestDatabase();
    summary = await paperImporter({ database, authorityName: 'Kent County Council', paths: [seedsDir], actor: 'test' });
    doc = await buildExport(database.db);
  });
  afterAll(async () => {
    await database?.destroy();
  });

  it('imports all five papers without failure', () => {
    expect(summary.failed).toBe(0);
    expect(summary.imported).toBe(5);
    expect(summary.files.every((file) => file.status === 'imported')).toBe(true);
  });

  it('the annual meeting of 12 May 2011: time, place, kind and its 14-item agenda with page ranges', () => {
    const fact = pack.meetings[0];
    const meeting = meetingOn(fact.body, '2011-05-12');
    expect(meeting.kind).toBe('annual');
    expect(`${meeting.date}T${meeting.startTime}`).toBe(fact.start);
    expect(meeting.location).toBe(fact.location);
    expect(meeting.agendaItems).toHaveLength(fact.agendaItemCount);
    for (const sample of fact.agendaItemsSample) {
      const item = meeting.agendaItems.find((candidate) => candidate.number === sample.number);
      expect(item?.title).toBe(sample.title);
      const pages = item?.pageFrom == null ? null : `${item.pageFrom}-${item.pageTo}`;
      expect(pages).toBe(sample.pages);
    }
  });

  it('the questions at the annual meeting: who asked whom, in what role', () => {
    const meeting = meetingOn('Kent County Council', '2011-05-12');
    expect(meeting.questions).toHaveLength(pack.meetings[0].questions.length);
    for (const [index, fact] of pack.meetings[0].questions.entries()) {
      const question = meeting.questions[index]!;
      expect(printedAs(question.askedById, fact.askedBy)).toBe(true);
      expect(printedAs(question.askedToId, fact.askedTo)).toBe(true);
      expect(question.toRole).toBe(fact.toRole);
      expect(question.answerText?.length ?? 0).toBeGreaterThan(100);
    }
    // "Mike Harrison" on the question paper is the "Mr M J Harrison" of the attendance list.
    const asker = person(meeting.questions[0]!.askedById);
    expect(asker.initials).toEqual(['M', 'J']);
    expect(asker.aliases).toContain('Mr M J Harrison');
  });

  it('the council meeting of 6 April 2011: attendance, chair, officers and apologies', () => {
    const fact = pack.meetings[1];
    const meeting = meetingOn(fact.body, fact.start);
    expect(meeting.location).toBe(fact.location);
    const present = meeting.attendance.filter((entry) => entry.status === 'present');
    expect(present).toHaveLength(fact.presentCount);
    const chairman = present.find((entry) => entry.role === 'Chairman');
    const vice = present.find((entry) => entry.role === 'Vice-Chairman');
    expect(chairman?.printedName).toBe(fact.chairman);
    expect(vice?.printedName).toBe(fact.viceChairman);
    const officers = meeting.attendance.filter((entry) => entry.status === 'in-attendance').map((entry) => entry.printedName);
    expect(officers.sort()).toEqual([...fact.inAttendance].sort());
    const apologies = meeting.attendance.filter((entry) => entry.status === 'apologies').map((entry) => entry.printedName);
    expect(apologies.sort()).toEqual([...fact.apologies].sort());
    // "Mr K Smith" sent apologies; he is not "Mr C P Smith", who was present.
    const kSmith = meeting.attendance.find((entry) => entry.printedName === 'Mr K Smith')!;
    const cpSmith = present.find((entry) => entry.printedName === 'Mr C P Smith')!;
    expect(kSmith.personId).not.toBe(cpSmith.personId);
  });

  it('the council meeting of 6 April 2011: declaration, minutes 9-23 and the recorded vote', () => {
    const fact = pack.meetings[1];
    const meeting = meetingOn(fact.body, fact.start);
    expect(minuteNumbers(meeting)).toEqual(range(9, 23));

    const declarationFact = fact.declarations[0];
    const declarations = meeting.declarations.filter((declaration) => printedAs(declaration.personId, declarationFact.member));
    expect(declarations).toHaveLength(1);
    const declaration = declarations[0]!;
    expect(declaration.kind).toBe(declarationFact.kind);
    expect(declaration.agendaItemNumber).toBe(declarationFact.agendaItem);
    expect(meeting.minutes.find((minute) => minute.id === declaration.minuteId)?.number).toBe(declarationFact.minuteNumber);
    expect(declaration.reason).toContain(declarationFact.reason);

    const voteFact = fact.voteEvents[0];
    expect(meeting.voteEvents).toHaveLength(1);
    const vote = meeting.voteEvents[0]!;
    expect(meeting.minutes.find((minute) => minute.id === vote.minuteId)?.number).toBe(voteFact.minuteNumber);
    expect(printedAs(vote.moverId, voteFact.mover)).toBe(true);
    expect(printedAs(vote.seconderId, voteFact.seconder)).toBe(true);
    expect([vote.forCount, vote.againstCount, vote.abstainCount]).toEqual([voteFact.for, voteFact.against, voteFact.abstain]);
    expect(vote.result).toBe(voteFact.result);
    // Every named voter is linked to a member who was present.
    const presentIds = new Set(meeting.attendance.filter((entry) => entry.status === 'present').map((entry) => entry.personId));
    const byOption = (option: string) => vote.votes.filter((v) => v.option === option);
    expect(byOption('for')).toHaveLength(voteFact.for);
    expect(byOption('against')).toHaveLength(voteFact.against);
    expect(byOption('abstain')).toHaveLength(voteFact.abstain);
    expect(vote.votes.every((v) => presentIds.has(v.personId))).toBe(true);
  });

  it('the Governance and Audit Committee of 16 March 2011, with its exempt minute', () => {
    const fact = pack.meetings[2];
    const meeting = meetingOn(fact.body, fact.start);
    expect(meeting.location).toBe(fact.location);
    expect(meeting.attendance.filter((entry) => entry.status === 'present')).toHaveLength(fact.presentCount);
    const chairman = meeting.attendance.find((entry) => entry.role === 'Chairman');
    expect(printedAs(chairman?.personId, fact.chairman)).toBe(true);
    expect(minuteNumbers(meeting)).toEqual(range(1, 15));
    for (const exemptFact of fact.exemptMinutes) {
      const minute = meeting.minutes.find((candidate) => candidate.number === exemptFact.minuteNumber)!;
      expect(minute.title).toBe(exemptFact.title);
      expect(minute.exempt).toBe(true);
      expect(minute.exemptParagraphs).toEqual(exemptFact.schedule12AParagraphs);
    }
    expect(meeting.minutes.filter((minute) => minute.exempt)).toHaveLength(fact.exemptMinutes.length);
  });

  it('the Planning Applications Committee of 12 April 2011 and its applications', () => {
    const fact = pack.meetings[3];
    const meeting = meetingOn(fact.body, fact.start);
    expect(meeting.attendance.filter((entry) => entry.status === 'present')).toHaveLength(fact.presentCount);
    const chairman = meeting.attendance.find((entry) => entry.role === 'Chairman');
    expect(chairman?.printedName).toBe(fact.chairman);
    expect(minuteNumbers(meeting)).toEqual(range(27, 34));
    const applications = meeting.minutes.map((minute) => minute.applicationReference).filter(Boolean);
    expect(applications).toEqual(fact.applications);
  });

  it('the urgent key decision', () => {
    const [fact] = pack.urgentKeyDecisions;
    const decision = doc.decisions.find((candidate) => candidate.recordNumber === fact.record);
    expect(decision).toBeDefined();
    expect(decision!.decisionDate).toBe(fact.date);
    expect(decision!.subject).toBe(fact.subject);
    expect(decision!.isUrgent).toBe(true);
    expect(decision!.isKey).toBe(true);
    expect(printedAs(decision!.decisionMakerPersonId, fact.decisionMaker)).toBe(true);
  });

  it('links the differently printed forms of one member to one person', () => {
    const whittles = doc.people.filter((candidate) => candidate.familyName === 'Whittle');
    expect(whittles).toHaveLength(1);
    expect(whittles[0]!.aliases).toEqual(expect.arrayContaining(['Mrs J Whittle', 'Mrs Whittle', 'Mrs Jenny Whittle']));
    expect(whittles[0]!.givenName).toBe('Jenny');
    const hills = doc.people.filter((candidate) => candidate.familyName === 'Hill');
    expect(hills).toHaveLength(1);
    expect(hills[0]!.postNominals).toContain('OBE');
  });

  it('the reports of seeds 002, 003 and 004: to whom, when, about what, by whom', () => {
    for (const key of ['002_a8dad1b4c03f7028.txt', '003_6351ff344f2add5f.txt', '004_8518fbb1a022f8a8.txt']) {
      const fact = gold[key].report;
      const report = doc.reports.find((candidate) => candidate.subject === fact.subject && candidate.reportDate === fact.date);
      expect(report, `report "${fact.subject}"`).toBeDefined();
      expect(report!.reportDate).toBe(fact.date);
      expect(report!.to[0]).toContain(fact.to);
      if (fact.by) expect(report!.by[0]).toContain(fact.by);
    }
  });

  it('links reports in the agenda pack to their agenda items', () => {
    const meeting = meetingOn('Kent County Council', '2011-05-12');
    const item11 = meeting.agendaItems.find((item) => item.number === '11')!;
    const report = doc.reports.find((candidate) => candidate.id === item11.reportId);
    expect(report?.subject).toContain('Putting Children First');
  });

  it('remembers the file and lines every meeting record came from', () => {
    const meeting = meetingOn('Governance and Audit Committee', '2011-03-16');
    const source = doc.sources.find((candidate) => candidate.id === meeting.source?.documentId);
    expect(source?.fileName).toBe('001_078369eba01f855e.txt');
    const minute15 = meeting.minutes.find((minute) => minute.number === '15')!;
    expect(minute15.source!.lineFrom ?? 0).toBeGreaterThan(meeting.source!.lineFrom ?? 0);
    expect(minute15.source!.lineTo ?? Infinity).toBeLessThanOrEqual(meeting.source!.lineTo ?? 0);
  });
});
