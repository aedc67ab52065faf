import { describe, expect, it } from 'vitest';
import { readContact } from './officer-contact.ts';

describe('readContact', () => {
  it('reads a contact followed by a phone number, e-mail or job title', () => {
    expect(readContact('Contact: Alex Marsh  01234 567890')?.name.printed).toBe('Alex Marsh');
    expect(readContact('Contact: Priya Natt  Tel: 0300 123 4567; E-Mail: priya@example.gov.uk')?.name.printed).toBe('Priya Natt');
    expect(readContact('Contact: Tom Ellery  Committee Manager')).toMatchObject({ name: { printed: 'Tom Ellery' }, jobTitle: 'Committee Manager' });
    expect(readContact('Officer contact: Dee Roe on 0161 000 0000 or email: dee@example.gov.uk')?.name.printed).toBe('Dee Roe');
    expect(readContact('Contact: Sam Oake ')?.name.printed).toBe('Sam Oake');
  });

  it('gives nothing for a team or a sentence', () => {
    expect(readContact('Contact: Democratic Services  01234 567890')).toBeUndefined();
    expect(readContact('Contact: Member Services Team')).toBeUndefined();
    expect(readContact('Contact us if you need this paper in another format')).toBeUndefined();
  });
});
