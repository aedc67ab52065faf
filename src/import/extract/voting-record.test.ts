import { describe, expect, it } from 'vitest';
import { extractVotingRecord, isVotingRecord } from './voting-record.ts';

const page = [
  'Voting record',
  '',
  ' Licensing Committee, Monday, 2nd March, 2020 7.00 pm',
  '',
  'Item: 19/01234/FUL - Land at Mill Lane',
  '',
  'Motion to refuse:',
  '',
  'Motion status:Lost',
  '',
  'ForA Cole and B Dunn2',
  'AgainstC Egan, D Ford and E Gale3',
  'AbstainF Hart1',
  'Conflict Of InterestsNone0',
];

describe('a voting record page', () => {
  it('is recognised by its title and status lines', () => {
    expect(isVotingRecord(page)).toBe(true);
    expect(isVotingRecord(['Minutes', 'Motion status:Carried'])).toBe(false);
  });

  it('reads the meeting, the item, the result and the votes table with its columns run together', () => {
    const { meetings, issues } = extractVotingRecord(page);
    expect(issues).toEqual([]);
    expect(meetings).toHaveLength(1);
    const meeting = meetings[0]!;
    expect(meeting).toMatchObject({ bodyName: 'Licensing Committee', date: '2020-03-02', startTime: '19:00' });
    expect(meeting.agendaItems.map((item) => [item.number, item.title])).toEqual([['19/01234/FUL', 'Land at Mill Lane']]);
    const event = meeting.voteEvents[0]!;
    expect(event).toMatchObject({ result: 'Lost', forCount: 2, againstCount: 3, abstainCount: 1, motionText: 'Motion to refuse' });
    expect(event.votes.map((vote) => `${vote.option}:${vote.name.printed}`)).toEqual([
      'for:A Cole',
      'for:B Dunn',
      'against:C Egan',
      'against:D Ford',
      'against:E Gale',
      'abstain:F Hart',
    ]);
  });

  it('reads the chair’s casting vote deciding a tie, beside the chair’s ordinary vote', () => {
    const tied = [...page.slice(0, 10), 'ForA Cole and B Dunn2', 'AgainstC Egan and D Ford2', 'Casting voteD Ford1'];
    const event = extractVotingRecord(tied).meetings[0]!.voteEvents[0]!;
    expect(event.castingVoter?.printed).toBe('D Ford');
    expect(event.votes.map((vote) => `${vote.option}:${vote.name.printed}`)).toEqual(['for:A Cole', 'for:B Dunn', 'against:C Egan', 'against:D Ford']);
    expect(extractVotingRecord([...page.slice(0, 10), 'ForA Cole1', 'Casting voteNone0']).meetings[0]!.voteEvents[0]!.castingVoter).toBeUndefined();
  });

  it('warns when a printed total disagrees with the names', () => {
    const { issues } = extractVotingRecord([...page.slice(0, 10), 'ForA Cole and B Dunn3']);
    expect(issues.map((issue) => issue.message)).toEqual(['Recorded vote: "for" printed as 3 but 2 names are listed']);
  });

  it('reads one member’s votes over several meetings without inventing totals', () => {
    const { meetings, issues } = extractVotingRecord([
      'Voting record',
      ' Full Council, Thursday, 5th March, 2020 2.00 pm',
      'Item: Budget',
      'Budget - Green Amendment:',
      'Amendment status:Rejected',
      'County Councillor Jo Bloggs For',
      ' Budget Meeting, Full Council, Friday, 21st February, 2020 10.00 am',
      'Item: Budget',
      'Budget:',
      'Resolution status:Carried',
      'County Councillor Jo Bloggs Against',
    ]);
    expect(meetings.map((meeting) => meeting.date)).toEqual(['2020-03-05', '2020-02-21']);
    expect(meetings[1]!.voteEvents[0]).toMatchObject({ result: 'Carried', forCount: 0, againstCount: 0 });
    expect(meetings[1]!.voteEvents[0]!.votes.map((vote) => vote.option)).toEqual(['against']);
    expect(issues).toHaveLength(2);
  });
});
