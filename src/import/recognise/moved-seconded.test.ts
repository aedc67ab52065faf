import { describe, expect, it } from 'vitest';
import { movedSeconded } from './moved-seconded.ts';

describe('movedSeconded', () => {
  it('reads a mover and seconder after member words, in capitals or not', () => {
    const found = movedSeconded('(a) COUNCIL MEMBER ASH MOVED, COUNCIL MEMBER BIRCH SECONDED, TO APPROVE THE MINUTES.');
    expect([found?.mover.printed, found?.seconder?.printed]).toEqual(['ASH', 'BIRCH']);
    const title = movedSeconded('Councilmember Van Horn moved, Councilmember Quill seconded, to adopt the budget.');
    expect([title?.mover.printed, title?.seconder?.printed]).toEqual(['Van Horn', 'Quill']);
  });

  it('tolerates OCR noise in the member word and in "seconded"', () => {
    const found = movedSeconded('COUNCIL MEMBER ASH MOVED , COUNCIL HEHBER BIRCH SECONOEO, 70 APPROVE');
    expect([found?.mover.printed, found?.seconder?.printed]).toEqual(['ASH', 'BIRCH']);
  });

  it('reads "moved by ... seconded by" and "motion by ... second by"', () => {
    const found = movedSeconded('It was moved by Commissioner Ash and seconded by Commissioner Birch to approve the plat.');
    expect([found?.mover.printed, found?.seconder?.printed]).toEqual(['Ash', 'Birch']);
    const short = movedSeconded('Motion by Trustee Cedar, second by Trustee Dunn, that the bid be accepted.');
    expect([short?.mover.printed, short?.seconder?.printed]).toEqual(['Cedar', 'Dunn']);
  });

  it('reads a mover alone, and nothing from prose that names no member', () => {
    expect(movedSeconded('Mayor Ash moved to table the item.')?.mover.printed).toBe('Ash');
    expect(movedSeconded('The item was moved to the next meeting.')).toBeUndefined();
    expect(movedSeconded('The office moved, the staff seconded to other teams.')).toBeUndefined();
  });
});
