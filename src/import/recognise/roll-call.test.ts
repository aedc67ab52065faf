import { describe, expect, it } from 'vitest';
import { officersByTitle, rollCall } from './roll-call.ts';

const printed = (names: Array<{ printed: string }>) => names.map((name) => name.printed);

describe('rollCall', () => {
  it('reads present, absent and officers also present', () => {
    const roll = rollCall(
      '3. Roll Call. Present: Council Members Ash, Birch, Cedar. Absent: Council Member Dunn. Also present: City Manager Elm, City Attorney Fir, City Clerk Gorse. 4. Minutes',
    );
    expect(printed(roll!.present)).toEqual(['Ash', 'Birch', 'Cedar']);
    expect(printed(roll!.absent)).toEqual(['Dunn']);
    expect(roll!.officers.map((officer) => [officer.name.printed, officer.jobTitle])).toEqual([
      ['Elm', 'City Manager'],
      ['Fir', 'City Attorney'],
      ['Gorse', 'City Clerk'],
    ]);
  });

  it('gives the groups of names to labels stacked above their columns, in order', () => {
    const roll = rollCall(
      'Roll Call Present: Absent : A quorum was present. Council Members Ash, Birch, Cedar Council Members Dunn, Elm Al s o present: City Clerk Fir',
    );
    expect(printed(roll!.present)).toEqual(['Ash', 'Birch', 'Cedar']);
    expect(printed(roll!.absent)).toEqual(['Dunn', 'Elm']);
    expect(printed(roll!.officers.map((officer) => officer.name))).toEqual(['Fir']);
  });

  it('stops before a later vote\'s "Absent:" label', () => {
    const roll = rollCall('Present: Trustees Moss, Reed. Absent: Trustee Lark. Also present: Village Clerk Wren. (a) Ayes: Moss Absent: Lark');
    expect(printed(roll!.absent)).toEqual(['Lark']);
  });

  it('finds nothing without names present', () => {
    expect(rollCall('Members of the public present: none.')).toBeUndefined();
    expect(rollCall('There were no members absent.')).toBeUndefined();
  });
});

describe('officersByTitle', () => {
  it('reads job titles before names, with acting and assistant posts', () => {
    expect(
      officersByTitle('Acting City Attorney Reyes Assistant City Manager Holt, Police Chief Marsh').map((officer) => [officer.name.printed, officer.jobTitle]),
    ).toEqual([
      ['Reyes', 'Acting City Attorney'],
      ['Holt', 'Assistant City Manager'],
      ['Marsh', 'Police Chief'],
    ]);
  });
});
