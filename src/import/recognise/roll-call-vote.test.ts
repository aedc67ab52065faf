import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rollCallNames, rollCallVotes, voteTally } from './roll-call-vote.ts';

const printed = (names: Array<{ printed: string }>) => names.map((name) => name.printed);

describe('rollCallVotes', () => {
  it('reads ayes, nays, abstentions and absences run on in a paragraph', () => {
    const [vote] = rollCallVotes('Ayes: Council Members Ash, Birch, Cedar. Nays: Dunn. Abstain: None. Absent: Council Member Elm. Motion carried.');
    expect(printed(vote!.names.for)).toEqual(['Ash', 'Birch', 'Cedar']);
    expect(printed(vote!.names.against)).toEqual(['Dunn']);
    expect(printed(vote!.names.absent)).toEqual(['Elm']);
    expect(vote!.counts).toMatchObject({ for: 3, against: 1, abstain: 0, absent: 1 });
    expect(vote!.result).toBe('carried');
    expect(vote!.warnings).toEqual([]);
  });

  it('reads Yeas, Noes, Not voting and Recused, and names in Title Case with particles', () => {
    const [vote] = rollCallVotes('Yeas: Commissioners Van Horn and Quill; Noes: Commissioner de Witt; Not voting: Okafor; The motion failed.');
    expect(printed(vote!.names.for)).toEqual(['Van Horn', 'Quill']);
    expect(vote!.counts['not-voting']).toBe(1);
    expect(vote!.result).toBe('failed');
    const [recused] = rollCallVotes('Aye: Trustees Moss, Reed. Recused: Trustee Lark.');
    expect(printed(recused!.names['not-voting'])).toEqual(['Lark']);
  });

  it('takes counts printed with the label and warns when the names disagree', () => {
    const [vote] = rollCallVotes('Ayes (3): Ash, Birch. Nays (1): Dunn. Motion passed.');
    expect(vote!.counts.for).toBe(3);
    expect(vote!.warnings).toEqual(['the roll call prints 3 ayes but names 2']);
    const [bare] = rollCallVotes('Ayes: 4 Nays: 1 Absent: 0');
    expect(bare!.counts).toMatchObject({ for: 4, against: 1, absent: 0 });
    expect(bare!.warnings).toEqual([]);
  });

  it('gives names left after "None" to the next label with none of its own (a column OCR set out of order)', () => {
    const [vote] = rollCallVotes('Ayes: Council Members Ash, Birch Nays: None Abstain: None Council Members Fir, Gorse Absent: Motion carried.');
    expect(printed(vote!.names.absent)).toEqual(['Fir', 'Gorse']);
    expect(vote!.counts.abstain).toBe(0);
  });

  it('reads several votes in one text, each from its own labels', () => {
    const votes = rollCallVotes('Ayes: Ash, Birch Nays: None Motion carried. Later business. Ayes: Ash Nays: Birch Motion failed.');
    expect(votes.map((vote) => [vote.counts.for, vote.counts.against, vote.result])).toEqual([
      [2, 0, 'carried'],
      [1, 1, 'failed'],
    ]);
  });

  it('finds nothing without an Ayes label, or with it alone', () => {
    expect(rollCallVotes('Absent: Ash. Nays are not recorded at this council.')).toEqual([]);
    expect(rollCallVotes('Ayes: Ash and Birch.')).toEqual([]);
    expect(rollCallVotes('The ayes have it.')).toEqual([]);
  });

  it('joins a name OCR broke with spaces', () => {
    expect(printed(rollCallNames('Council Members Ash, Ol i s'))).toEqual(['Ash', 'Olis']);
  });

  it('never throws, and never reports more names than the text holds words', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        for (const vote of rollCallVotes(`Ayes: ${text} Nays: ${text}`)) {
          // Names are separated by spaces and by the list marks the recogniser splits on ("A&B" is two names).
          const words = text.split(/[\s,;&]+/).length * 2;
          expect(vote.names.for.length + vote.names.against.length).toBeLessThanOrEqual(words);
        }
      }),
    );
  });
});

describe('voteTally', () => {
  it('reads tallies in prose', () => {
    expect(voteTally('The ordinance was adopted on a 5-2 vote.')).toMatchObject({ for: 5, against: 2, abstain: 0 });
    expect(voteTally('approved by a 4–3–1 roll-call vote')).toMatchObject({ for: 4, against: 3, abstain: 1 });
    expect(voteTally('see pages 5-7 of the report')).toBeUndefined();
  });
});
