import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type MinuteBlock, minuteLayout } from './minute-layout.ts';
import { resolutionWords } from './resolution-parts.ts';

const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
const blockWords = (blocks: MinuteBlock[]) =>
  blocks.flatMap((block) => (block.kind === 'paragraph' ? wordsOf(block.text) : wordsOf(resolutionWords(block.layout).join(' '))));

describe('a minute with its resolutions shown once', () => {
  it('finds a resolution where the minute records it, with its parts as a list and no stray dashes', () => {
    const text =
      '(1) The Committee considered a report.\n\n(2) RESOLVED that subject to the views of the Panel:-\n\n- (a) the plan be approved; and\n- (b) the fee be approved.';
    const blocks = minuteLayout(text, ['subject to the views of the Panel:-\n(a) the plan be approved; and - (b) the fee be approved.']);
    expect(blocks).toEqual([
      { kind: 'paragraph', text: '(1) The Committee considered a report.' },
      {
        kind: 'resolution',
        resolution: 0,
        printed: true,
        layout: {
          lead: '(2) RESOLVED that subject to the views of the Panel:-',
          list: {
            style: 'a',
            start: 1,
            items: [
              { marker: '(a)', value: 1, text: 'the plan be approved; and' },
              { marker: '(b)', value: 2, text: 'the fee be approved.' },
            ],
          },
        },
      },
    ]);
  });

  it('finds a resolution between other paragraphs, after words such as "unanimously: that"', () => {
    const text =
      '(a) A death\n\nTributes were paid.\n\nResolved unanimously: that this Council records its sympathy.\n\n(b) An award\n\nThe Chairman congratulated the team.';
    const blocks = minuteLayout(text, ['this Council records its sympathy.']);
    expect(blocks.map((block) => block.kind)).toEqual(['paragraph', 'paragraph', 'resolution', 'paragraph', 'paragraph']);
  });

  it('shows a resolution the text does not hold after the paragraphs, as entered', () => {
    const blocks = minuteLayout('The Committee discussed the plan.', ['the plan be agreed.']);
    expect(blocks).toEqual([
      { kind: 'paragraph', text: 'The Committee discussed the plan.' },
      { kind: 'resolution', resolution: 0, printed: false, layout: { lead: 'the plan be agreed.' } },
    ]);
    expect(minuteLayout(null, ['the report be noted.'])).toHaveLength(1);
  });

  it('shows every word of the minute once, and each resolution once, whatever the minute says', () => {
    const word = fc.stringMatching(/^[a-z]{1,7}$/);
    const sentence = fc.array(word, { minLength: 1, maxLength: 8 }).map((words) => `${words.join(' ')}.`);
    fc.assert(
      fc.property(
        fc.array(sentence, { maxLength: 5 }),
        fc.array(fc.tuple(sentence, fc.boolean()), { maxLength: 3 }),
        fc.array(sentence, { maxLength: 3 }),
        (before, resolutions, after) => {
          // Some resolutions are printed in the text ("RESOLVED that ..."), the others only recorded.
          const printed = resolutions.filter(([, inText]) => inText).map(([text]) => `RESOLVED that ${text}`);
          const text = [...before, ...printed, ...after].join('\n\n');
          const blocks = minuteLayout(
            text,
            resolutions.map(([text]) => text),
          );
          const shown = blocks
            .filter((block): block is Extract<MinuteBlock, { kind: 'resolution' }> => block.kind === 'resolution')
            .map((block) => block.resolution);
          expect([...shown].sort()).toEqual(resolutions.map((_, index) => index));
          const expected = [...wordsOf(text), ...resolutions.filter(([, inText]) => !inText).flatMap(([text]) => wordsOf(text))];
          expect(blockWords(blocks).sort()).toEqual(expected.sort());
        },
      ),
    );
  });
});
