import { describe, expect, it } from 'vitest';
import { extractMinutes } from './minutes.ts';

function minutes(body: string[]) {
  const lines = ['Minutes of Meeting of the Moor Council held in the Hall, Moortown on Thursday, 3 June 2027 at 10.35am.', '', ...body];
  return extractMinutes({ kind: 'minutes', title: 'm', lineFrom: 1, lineTo: lines.length, lines }).meeting;
}

describe('minutes in other councils’ forms', () => {
  it('reads the heading without "a" or "the" before "Meeting"', () => {
    expect(minutes(['1. Roll'])).toMatchObject({ bodyName: 'Moor Council', date: '2027-06-03', startTime: '10:35', location: 'Hall, Moortown' });
  });

  it('reads a Present list and the chair inside the first minute', () => {
    const meeting = minutes(['1. Calling of the Roll', '', 'Present:', 'Mr A Ash, Mrs B Birch, Ms C Cedar', '', 'Mrs B Birch in the Chair']);
    expect(meeting.attendance.map((entry) => [entry.name.printed, entry.status, entry.role])).toEqual([
      ['Mr A Ash', 'present', undefined],
      ['Mrs B Birch', 'present', 'Chair'],
      ['Ms C Cedar', 'present', undefined],
    ]);
  });

  it('reads a table of declarations, one row a line', () => {
    const meeting = minutes(['2. Declarations of Interest', '', 'Item 4a – Mr A Ash (Financial)', 'Item 6 – Mrs B Birch (Non-financial)']);
    expect(meeting.declarations.map((declaration) => [declaration.name.printed, declaration.agendaItemNumber, declaration.kind])).toEqual([
      ['Mr A Ash', '4a', 'financial'],
      ['Mrs B Birch', '6', 'non-financial'],
    ]);
  });

  it('takes a bare list of members under an Apologies minute as the apologies', () => {
    const meeting = minutes(['1. APOLOGIES', '', 'Councillors Anna Ash, Ben ab Birch and Cai Cedar.']);
    expect(meeting.attendance.map((entry) => `${entry.status}:${entry.name.printed}`)).toEqual([
      'apologies:Anna Ash',
      'apologies:Ben ab Birch',
      'apologies:Cai Cedar',
    ]);
  });
});

describe('minutes in more layouts', () => {
  it('reads minute references of letters, running number and year, with the agenda item', () => {
    const meeting = minutes(['HB/12/27 (Agenda Item No. 1) Confirmation of Minutes', 'The minutes were approved.', 'HB/13/27 Moorings', 'Noted.']);
    expect(meeting.minutes.map((minute) => [minute.number, minute.title, minute.agendaItemNumber])).toEqual([
      ['HB/12/27', 'Confirmation of Minutes', '1'],
      ['HB/13/27', 'Moorings', undefined],
    ]);
  });

  it('reads a "Surname, Forename" list whose columns ran into one line, and officials', () => {
    const meeting = minutes([
      'PRESENT:',
      '',
      'Ash, Anna Birch, Ben Carroll Cedar, Cai Elm, Dee',
      '',
      'OFFICIALS PRESENT:',
      'Nia Lloyd (Clerk)',
      '',
      '1. Minutes',
    ]);
    expect(meeting.attendance.map((entry) => `${entry.status}:${entry.name.printed}:${entry.officer}`)).toEqual([
      'present:Anna Ash:false',
      'present:Ben Birch:false',
      'present:Cai Carroll Cedar:false',
      'present:Dee Elm:false',
      'in-attendance:Nia Lloyd:true',
    ]);
  });

  it('reads names run together without commas, a style before them and a stray page number after', () => {
    const meeting = minutes(['Present :- The Right Honourable Anna Ash COUNCILLORS Ben Birch Cai C Cedar Dee Elm Fay Fir lain Gorse 2', '', '1. Minutes']);
    expect(meeting.attendance.map((entry) => entry.name.printed)).toEqual([
      'The Right Honourable Anna Ash',
      'Ben Birch',
      'Cai C Cedar',
      'Dee Elm',
      'Fay Fir',
      'lain Gorse',
    ]);
  });

  it('reads unnumbered minutes under headings in capitals, "on the motion of" and uncounted vote lists', () => {
    const meeting = minutes([
      'PRESENT',
      'Councillors Ash (Chairman), Birch, Cedar and Elm.',
      'OPENING',
      'PRAYER',
      'The Chairman opened the meeting.',
      'APOLOGIES',
      '/ leave of absence',
      'RESOLVED ON THE MOTION OF COUNCILLOR Birch, seconded by COUNCILLOR CEDAR,',
      'THAT the apology and request for leave of absence from',
      'Councillor Fir in respect of the meeting be accepted.',
      'FOR: Councillors',
      'Ash, Birch, Cedar and',
      'Elm',
      'AGAINST: Nil',
    ]);
    expect(meeting.minutes.map((minute) => [minute.number, minute.title])).toEqual([
      ['1', 'OPENING PRAYER'],
      ['2', 'APOLOGIES / leave of absence'],
    ]);
    expect(meeting.attendance.filter((entry) => entry.status === 'apologies').map((entry) => entry.name.printed)).toEqual(['Councillor Fir']);
    expect(meeting.minutes[1]!.resolutions[0]!.text).toMatch(/^the apology and request for leave of absence from Councillor Fir/);
    const [vote] = meeting.voteEvents;
    expect(vote).toMatchObject({ forCount: 4, againstCount: 0, abstainCount: 0, result: 'Carried' });
    expect(vote!.mover?.familyName).toBe('Birch');
    expect(vote!.seconder?.familyName).toBe('CEDAR');
  });
});

describe('the Scottish opening', () => {
  it('reads "Place, date - At a meeting of the body."', () => {
    const lines = [
      'Portwell, 3 June 2027 - At a meeting of The Portwell Council.',
      '',
      'Present :- Councillors Anna Ash, Ben Birch',
      '',
      '1 Deputations',
      'None were heard.',
    ];
    const { meeting } = extractMinutes({ kind: 'minutes', title: 'm', lineFrom: 1, lineTo: lines.length, lines });
    expect(meeting).toMatchObject({ bodyName: 'Portwell Council', date: '2027-06-03' });
    expect(meeting.minutes.map((minute) => minute.title)).toEqual(['Deputations']);
  });
});

describe('decisions introduced with a colon and counts in prose', () => {
  it('keeps the numbered paragraphs after "resolved by 6 votes for and 2 abstentions to:"', () => {
    const meeting = minutes([
      '7. Harbour Plan',
      'Following debate, the Board resolved by 6 votes for and 2 abstentions to:',
      '(1) Endorse the Harbour Plan.',
      '(2) Review it in a year.',
    ]);
    expect(meeting.minutes[0]!.resolutions[0]!.text).toContain('(1) Endorse the Harbour Plan.\n(2) Review it in a year.');
    expect(meeting.voteEvents[0]).toMatchObject({ forCount: 6, againstCount: 0, abstainCount: 2 });
  });
});

describe('minutes approved without RESOLVED', () => {
  it('records the approval of the last meeting’s minutes as a resolution, not a proposal to approve them', () => {
    const meeting = minutes([
      '1. Minutes',
      'The Chair shall propose that the minutes of the meeting held on 6 May 2027 be signed as a true record.',
      'The Minutes of the meeting held on 6 May 2027 were approved and signed as a correct record.',
    ]);
    expect(meeting.minutes[0]!.resolutions.map((resolution) => resolution.text)).toEqual([
      'The Minutes of the meeting held on 6 May 2027 were approved and signed as a correct record.',
    ]);
  });
});

describe('apologies and motions in more wordings', () => {
  it('reads apologies "intimated on behalf of" (Scottish minutes)', () => {
    const meeting = minutes(['Mr A Ash in the Chair', '', 'Apologies for absence were intimated on behalf of Mr B Birch and Mrs C Cedar.', '', '1. Minutes']);
    expect(meeting.attendance.filter((entry) => entry.status === 'apologies').map((entry) => entry.name.printed)).toEqual(['Mr B Birch', 'Mrs C Cedar']);
  });

  it('reads a seconder named between the mover and "proposed" or "moved"', () => {
    const meeting = minutes([
      '1. Membership of the Harbour Board',
      'Councillor Ash, seconded by Councillor Birch, proposed that he replace Councillor Cedar on the Board.',
      '2. Moorings',
      'Cllr Dee Elm, seconded by Cllr Fir, moved that the charges be frozen.',
    ]);
    expect(meeting.minutes.flatMap((minute) => minute.motions).map((motion) => [motion.mover?.printed, motion.seconder?.printed, motion.text])).toEqual([
      ['Councillor Ash', 'Councillor Birch', 'that he replace Councillor Cedar on the Board'],
      ['Cllr Dee Elm', 'Cllr Fir', 'that the charges be frozen'],
    ]);
  });

  it('keeps the kind of interest another code names, as printed', () => {
    const meeting = minutes([
      '2. Declarations of Interest',
      'Councillor Ann Ash declared a non-pecuniary interest on items about the harbour as a boat owner.',
      'Cllr Birch declared an other registrable interest in item 5 as a trustee.',
    ]);
    expect(meeting.declarations.map((declaration) => [declaration.name.printed, declaration.kind])).toEqual([
      ['Councillor Ann Ash', 'non-pecuniary'],
      ['Cllr Birch', 'other registrable'],
    ]);
  });
});
