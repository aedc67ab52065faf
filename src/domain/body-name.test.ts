import { describe, expect, it } from 'vitest';
import { bodyKey, canonicalBodyName } from './body-name.ts';

const KENT = 'Kent County Council';

describe('canonicalBodyName', () => {
  it('reduces every printing of the authority itself to its name', () => {
    for (const printed of [
      'County Council',
      'the County Council',
      'Kent County Council',
      'KENT COUNTY COUNCIL',
      'The Council',
      'Full Council',
      'County Council – 12 May 2011',
    ]) {
      expect(canonicalBodyName(printed, KENT), printed).toEqual({ name: KENT, kind: 'council' });
    }
  });

  it('does not take another council for the authority', () => {
    expect(canonicalBodyName('Maidstone Borough Council', KENT)).toEqual({ name: 'Maidstone Borough Council', kind: 'other' });
    expect(canonicalBodyName('Borough Council', KENT).kind).toBe('other');
  });

  it('recognises the cabinet and committees', () => {
    expect(canonicalBodyName('Cabinet', KENT)).toEqual({ name: 'Cabinet', kind: 'cabinet' });
    expect(canonicalBodyName('CABINET', KENT)).toEqual({ name: 'Cabinet', kind: 'cabinet' });
    for (const printed of ['Cabinet Scrutiny Committee', 'Governance and Audit Committee', 'Planning Applications Committee']) {
      expect(canonicalBodyName(printed, KENT), printed).toEqual({ name: printed, kind: 'committee' });
    }
    expect(canonicalBodyName('GOVERNANCE AND AUDIT COMMITTEE', KENT).name).toBe('Governance and Audit Committee');
  });

  it('strips trailing dates and dashes', () => {
    const expected = { name: 'Cabinet Scrutiny Committee', kind: 'committee' };
    for (const printed of [
      'Cabinet Scrutiny Committee – 19 January 2011',
      'Cabinet Scrutiny Committee - 13 December 2011',
      'Cabinet Scrutiny Committee, Wednesday, 19 January 2011',
      'Cabinet Scrutiny Committee on 19th January 2011',
      'Cabinet Scrutiny Committee (19/01/2011)',
      'Cabinet Scrutiny Committee –',
      'the Cabinet Scrutiny Committee.',
    ]) {
      expect(canonicalBodyName(printed, KENT), printed).toEqual(expected);
    }
  });

  it('gives one name for a policy overview and scrutiny committee however printed', () => {
    const name = "Specialist Children's Services Policy Overview and Scrutiny Committee";
    for (const printed of [
      "Specialist Children's Services Policy Overview & Scrutiny Committee",
      'Specialist Children’s Services POSC',
      "the Specialist Children's Services POSC",
      "SPECIALIST CHILDREN'S SERVICES POSC",
      "Specialist Children's Services Policy Overview and Scrutiny Committee – 17 November 2011",
    ]) {
      expect(canonicalBodyName(printed, KENT), printed).toEqual({ name, kind: 'committee' });
    }
    expect(canonicalBodyName('Adult Social Services & Public Health POSC', KENT).name).toBe(
      'Adult Social Services and Public Health Policy Overview and Scrutiny Committee',
    );
  });

  it('recognises panels, boards and sub-committees', () => {
    expect(canonicalBodyName('Independent Remuneration Panel', KENT)).toEqual({ name: 'Independent Remuneration Panel', kind: 'panel' });
    expect(canonicalBodyName("Children's Services Improvement Panel", KENT).kind).toBe('panel');
    expect(canonicalBodyName('Kent Safeguarding Children Board', KENT)).toEqual({ name: 'Kent Safeguarding Children Board', kind: 'board' });
    expect(canonicalBodyName('Member Grants Sub Committee', KENT)).toEqual({ name: 'Member Grants Sub-Committee', kind: 'sub-committee' });
    expect(canonicalBodyName('Member Grants Sub-committee', KENT).kind).toBe('sub-committee');
    expect(canonicalBodyName('Kent Partnership Forum', KENT).kind).toBe('other');
  });

  it('gives equal keys for equal bodies', () => {
    expect(bodyKey('Specialist Children’s Services POSC', KENT)).toBe(bodyKey("Specialist Children's Services Policy Overview & Scrutiny Committee", KENT));
    expect(bodyKey('KENT COUNTY COUNCIL', KENT)).toBe(bodyKey('the County Council', KENT));
  });
});
