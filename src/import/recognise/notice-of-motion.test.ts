import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agendaItemKind, isNoticeOfMotionHeading, noticesOfMotion } from './notice-of-motion.ts';

/** Each motion as [mover, seconder, text], names as printed. */
const read = (lines: string[]) =>
  noticesOfMotion(lines).map((motion) => [motion.mover?.printed ?? null, motion.seconder?.printed ?? null, motion.text ?? null]);

describe('agendaItemKind', () => {
  it('knows notices of motion by their several names', () => {
    for (const title of [
      'Notices of Motion',
      'Notice of Motion - Ferry timetable',
      'Motions on notice',
      "Members' Motions",
      'Motions',
      'Motion submitted under Standing Order 14',
      'Motion by Councillor Ash: the harbour wall',
    ]) {
      expect(agendaItemKind(title), title).toBe('notice_of_motion');
    }
  });

  it('does not take a procedural motion or an item that mentions one for a notice', () => {
    expect(isNoticeOfMotionHeading('Motion to exclude the press and public')).toBe(false);
    expect(agendaItemKind('Correspondence regarding the Council motion on ferries')).toBe('item');
    expect(agendaItemKind('Minutes of the last meeting')).toBe('item');
  });

  it('knows questions and petitions', () => {
    expect(agendaItemKind('Question by Councillor Ash - the harbour wall')).toBe('question');
    expect(agendaItemKind("Members' Questions")).toBe('question');
    expect(agendaItemKind('Questions from the public')).toBe('question');
    expect(agendaItemKind('Petitions')).toBe('petition');
    expect(agendaItemKind('E-petition: save the lido')).toBe('petition');
  });
});

describe('noticesOfMotion', () => {
  it('reads lettered motions, each "by" its mover, the words in quotes', () => {
    expect(
      read([
        'Notices of Motion to Council',
        '(a)by Councillor Anna Ash',
        '',
        '"Council considers the harbour should be dredged every spring."',
        '(b) by Councillor Ben ab Birch',
        '“Council calls on the Harbour Board to publish its accounts.”',
      ]),
    ).toEqual([
      ['Councillor Anna Ash', null, 'Council considers the harbour should be dredged every spring.'],
      ['Councillor Ben ab Birch', null, 'Council calls on the Harbour Board to publish its accounts.'],
    ]);
  });

  it('reads "Councillor X to move:" with a seconder, after an introduction', () => {
    expect(
      read([
        'Motions on notice',
        'The following motion has been received in accordance with Standing Order 12:',
        'Councillor Cai Cedar to move:',
        'This Council resolves to light the promenade all winter.',
        'Seconded by Councillor Dee Elm',
      ]),
    ).toEqual([['Councillor Cai Cedar', 'Councillor Dee Elm', 'This Council resolves to light the promenade all winter.']]);
  });

  it('reads Proposer and Seconder labels, a mover and seconder on one line, and numbered motions', () => {
    expect(
      read([
        'Notices of Motion',
        '1. Ferry timetable',
        'Proposer: Cllr Fay Fir',
        'Seconder: Cllr Gus Gorse',
        'This Council asks the operator to restore the winter sailings.',
        '2. Bus shelters',
        'Moved by Councillor H. Hazel, seconded by Councillor Ivy Ivy',
        'This Council will replace the broken shelters.',
      ]),
    ).toEqual([
      ['Cllr Fay Fir', 'Cllr Gus Gorse', 'Ferry timetable\nThis Council asks the operator to restore the winter sailings.'],
      ['Councillor H. Hazel', 'Councillor Ivy Ivy', 'Bus shelters\nThis Council will replace the broken shelters.'],
    ]);
  });

  it('reads motions whose movers are named after their words, unnumbered', () => {
    expect(
      read([
        'Motions',
        'This Council notes the closure of the lido.',
        'It resolves to reopen it by the summer.',
        'Proposed by Councillor Ash',
        'Seconded by Councillor Birch',
        'This Council thanks the lifeboat crew for their service.',
        'Proposed by Councillor Cedar',
      ]),
    ).toEqual([
      ['Councillor Ash', 'Councillor Birch', 'This Council notes the closure of the lido.\nIt resolves to reopen it by the summer.'],
      ['Councillor Cedar', null, 'This Council thanks the lifeboat crew for their service.'],
    ]);
  });

  it('takes the mover from the title, and keeps a motion’s own numbered paragraphs in it', () => {
    expect(
      read([
        'Notice of Motion by Councillor Jo Juniper - Harbour dues',
        'This Council resolves to:',
        '1. freeze harbour dues for a year;',
        '2. review them in the spring.',
      ]),
    ).toEqual([['Councillor Jo Juniper', null, 'This Council resolves to:\n1. freeze harbour dues for a year;\n2. review them in the spring.']]);
    expect(
      read([
        'Notices of Motion',
        '(a) by Councillor Ash',
        'Council resolves to:',
        '1. paint the pier;',
        '2. mend the rail.',
        '(b) by Councillor Birch',
        'Council thanks the volunteers of the regatta.',
      ]).map(([mover, , text]) => [mover, text]),
    ).toEqual([
      ['Councillor Ash', 'Council resolves to:\n1. paint the pier;\n2. mend the rail.'],
      ['Councillor Birch', 'Council thanks the volunteers of the regatta.'],
    ]);
  });

  it('finds none where none were received', () => {
    expect(read(['Notices of Motion', 'None received.'])).toEqual([]);
    expect(read(['Notices of Motion'])).toEqual([]);
  });

  it('never throws, and takes time in proportion to its input', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 200 }), { maxLength: 20 }), (lines) => {
        for (const motion of noticesOfMotion(['Notices of Motion', ...lines])) {
          expect(motion.from).toBeLessThanOrEqual(motion.to);
          expect(motion.to).toBeLessThanOrEqual(lines.length);
        }
      }),
    );
    const hostile = (size: number) => [
      'Notice of Motion by Councillor ' + 'A '.repeat(size),
      'Councillor '.repeat(size),
      '(a) by '.repeat(size),
      ' '.repeat(size * 4) + 'seconded by',
      'Seconded by Councillor Ash, '.repeat(size),
      ...Array.from({ length: size / 10 }, (_, index) => `(${String.fromCharCode(97 + (index % 26))}) by Councillor Ash Birch Cedar Elm Fir`),
    ];
    const time = (size: number) => {
      const started = performance.now();
      noticesOfMotion(hostile(size));
      return performance.now() - started;
    };
    time(2_000);
    const small = Math.max(time(5_000), 1);
    const large = time(20_000);
    // Four times the input: a linear reader takes about four times as long; a quadratic one sixteen.
    expect(large / small).toBeLessThan(10);
  });
});
