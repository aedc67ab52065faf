import { describe, expect, it } from 'vitest';
import { partyOf, splitRoleAndParty } from './political-party.ts';

describe('partyOf', () => {
  it('recognises names and abbreviations of groups', () => {
    expect(partyOf('Labour')?.name).toBe('Labour');
    expect(partyOf('Con')?.name).toBe('Conservative');
    expect(partyOf('Lib Dem')?.name).toBe('Liberal Democrat');
    expect(partyOf('Green Party')?.name).toBe('Green');
    expect(partyOf('SNP')?.name).toBe('Scottish National Party');
  });

  it('never takes a role or a ward for a group', () => {
    for (const text of ['Chair', 'Vice-Chairman', 'Mayor', 'Hythe West', 'substitute for Mr A Brown', 'Leader of the Council']) {
      expect(partyOf(text)).toBeUndefined();
    }
  });
});

describe('splitRoleAndParty', () => {
  it('splits a role and a group printed in one bracket', () => {
    expect(splitRoleAndParty('Chairman, Conservative')).toEqual({ party: { name: 'Conservative', abbreviation: 'Con' }, role: 'Chairman' });
    expect(splitRoleAndParty('Labour')).toEqual({ party: { name: 'Labour', abbreviation: 'Lab' } });
    expect(splitRoleAndParty('Vice-Chair')).toEqual({ role: 'Vice-Chair' });
  });
});
