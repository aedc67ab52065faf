import { describe, expect, it } from 'vitest';
import { extractMinutes } from './minutes.ts';

function minutes(body: string[]) {
  const lines = [
    'MINUTES of a meeting of the Parks Committee held at the Lodge on Monday, 7 June 2021 at 7.00 pm',
    '',
    'PRESENT: Mr A Ash, Mr B Birch, Mrs C Cedar, Ms D Elm',
    '',
    '5. Bandstand',
    '',
    ...body,
  ];
  return extractMinutes({ kind: 'minutes', title: 'm', lineFrom: 1, lineTo: lines.length, lines }).meeting;
}

describe('votes recorded in sentences', () => {
  it('reads named lists with printed counts and the result that follows', () => {
    const meeting = minutes([
      'Councillors Ash and Birch voted FOR the motion (2);',
      '',
      'Councillor Cedar voted AGAINST the motion (1);',
      '',
      'Councillor Elm abstained from voting.',
      '',
      'The motion was therefore declared CARRIED.',
    ]);
    expect(meeting.voteEvents).toHaveLength(1);
    const event = meeting.voteEvents[0]!;
    expect([event.forCount, event.againstCount, event.abstainCount, event.result]).toEqual([2, 1, 1, 'Carried']);
    expect(event.votes.map((vote) => `${vote.option}:${vote.name.printed}`)).toEqual(['for:Ash', 'for:Birch', 'against:Cedar', 'abstain:Elm']);
  });

  it('takes the counts from the prose and the names from the lists that follow', () => {
    const meeting = minutes([
      'The Committee RESOLVED on a vote of 3 to 1 with 1 abstention to refuse the application.',
      '',
      'Councillor Cedar voted against the resolution.',
    ]);
    const event = meeting.voteEvents[0]!;
    expect([event.forCount, event.againstCount, event.abstainCount]).toEqual([3, 1, 1]);
    expect(event.votes.map((vote) => `${vote.option}:${vote.name.printed}`)).toEqual(['against:Cedar']);
    expect(meeting.minutes[0]!.resolutions[0]!.text).toContain('to refuse the application');
  });

  it('reads an American tally in prose ("on a 5-2 vote") and its result', () => {
    const meeting = minutes(['The bandstand contract was approved on a 3-1 vote.']);
    expect(meeting.voteEvents.map((event) => [event.forCount, event.againstCount, event.abstainCount, event.result])).toEqual([[3, 1, 0, 'Carried']]);
    const failed = minutes(['The motion to defer failed on a 2–2–1 vote.']);
    expect(failed.voteEvents.map((event) => [event.forCount, event.againstCount, event.abstainCount, event.result])).toEqual([[2, 2, 1, 'Lost']]);
  });
});
