/**
 * The calculator page's form: groups and bodies typed one a line ("Conservative, 23"; "Planning, 7, committee"), read
 * as CSV rows (csv-parse), then checked by the calculator's own schema. Every problem names its box and line.
 */
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { BODY_KINDS } from '../../domain/political-balance/allocate.ts';
import { CalculatorInputSchema, type CalculatorInput } from '../../domain/political-balance/calculator.ts';
import type { Problem } from '../shared/forms.ts';

export interface CalculatorForm {
  groups: string;
  ungrouped: string;
  vacancies: string;
  bodies: string;
}

const BOX_OF: Record<string, keyof CalculatorForm> = { groups: 'groups', bodies: 'bodies', ungroupedMembers: 'ungrouped', vacancies: 'vacancies' };
const BOX_NAME: Record<keyof CalculatorForm, string> = {
  groups: 'Political groups',
  bodies: 'Bodies',
  ungrouped: 'Members in no group',
  vacancies: 'Vacancies',
};

function rows(text: string): string[][] {
  return (parse(text, { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][]).filter((row) => row.some((cell) => cell !== ''));
}

const whole = (value: string): number | string => (/^\d{1,6}$/.test(value.trim()) ? Number(value.trim()) : value);

/** The form as the calculator's input, or the problems with it (field: the box; message: the box, line and what). */
export function readCalculatorForm(form: CalculatorForm): { input?: CalculatorInput; problems: Problem[] } {
  const problems: Problem[] = [];
  const lines = (box: 'groups' | 'bodies') => {
    try {
      return rows(form[box]);
    } catch (error) {
      problems.push({ field: box, message: `${BOX_NAME[box]}: ${(error as Error).message}` });
      return [];
    }
  };
  const groups = lines('groups').map((row, i) => {
    if (row.length !== 2)
      problems.push({ field: 'groups', message: `Political groups, line ${i + 1}: give the group’s name and its number of members, like Conservative, 23` });
    return { name: row[0] ?? '', members: whole(row[1] ?? '') };
  });
  const bodies = lines('bodies').map((row, i) => {
    if (row.length < 2 || row.length > 3)
      problems.push({
        field: 'bodies',
        message: `Bodies, line ${i + 1}: give the body’s name, its number of seats and, if it is not an ordinary committee, its kind, like Licensing Sub-Committee, 3, sub-committee`,
      });
    return { name: row[0] ?? '', seats: whole(row[1] ?? ''), kind: row[2] ? row[2].toLowerCase() : 'committee' };
  });
  if (problems.length) return { problems };
  const parsed = CalculatorInputSchema.safeParse({ groups, bodies, ungroupedMembers: whole(form.ungrouped || '0'), vacancies: whole(form.vacancies || '0') });
  if (!parsed.success) return { problems: problemsOf(parsed.error) };
  return { input: parsed.data, problems: [] };
}

function problemsOf(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => {
    const box = BOX_OF[String(issue.path[0])] ?? 'groups';
    const line = typeof issue.path[1] === 'number' ? `, line ${issue.path[1] + 1}` : '';
    return { field: box, message: `${BOX_NAME[box]}${line}: ${issue.message}` };
  });
}

export const BODY_KIND_WORDS = BODY_KINDS.join(', ');
