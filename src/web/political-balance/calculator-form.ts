/**
 * The calculator page's form: groups and bodies typed one a line ("Conservative, 23"; "Planning, 7, committee"), read
 * as CSV rows (csv-parse), then checked by the calculator's own schema. Every problem names its box and line.
 */
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { BODY_KINDS } from '../../domain/political-balance/allocate.ts';
import { CalculatorInputSchema, UNGROUPED, type CalculatorInput } from '../../domain/political-balance/calculator.ts';
import type { Problem } from '../shared/forms.ts';
import { t } from '../i18n/index.ts';

export interface CalculatorForm {
  groups: string;
  ungrouped: string;
  vacancies: string;
  bodies: string;
}

const BOX_OF: Record<string, keyof CalculatorForm> = { groups: 'groups', bodies: 'bodies', ungroupedMembers: 'ungrouped', vacancies: 'vacancies' };
/** Each box's name: its label on the page (catalogue), so an error names the box the reader sees. */
const BOX_LABEL: Record<keyof CalculatorForm, string> = {
  groups: 'balancePage.groups',
  bodies: 'balancePage.bodies',
  ungrouped: 'balancePage.ungrouped',
  vacancies: 'registers.vacancies',
};

/** "Political groups, line 2: …" or "Vacancies: …", in the reader's language. */
function located(box: keyof CalculatorForm, line: number | undefined, problem: string): string {
  const name = t(BOX_LABEL[box]);
  return line === undefined ? t('balancePage.calc.inBox', { box: name, problem }) : t('balancePage.calc.onLine', { box: name, line, problem });
}

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
    } catch {
      problems.push({ field: box, message: located(box, undefined, t('balancePage.calc.unreadable')) });
      return [];
    }
  };
  const groups = lines('groups').map((row, i) => {
    if (row.length !== 2) problems.push({ field: 'groups', message: located('groups', i + 1, t('balancePage.calc.groupLine')) });
    return { name: row[0] ?? '', members: whole(row[1] ?? '') };
  });
  const bodies = lines('bodies').map((row, i) => {
    if (row.length < 2 || row.length > 3)
      problems.push({
        field: 'bodies',
        message: located('bodies', i + 1, t('balancePage.calc.bodyLine')),
      });
    return { name: row[0] ?? '', seats: whole(row[1] ?? ''), kind: row[2] ? row[2].toLowerCase() : 'committee' };
  });
  if (problems.length) return { problems };
  const parsed = CalculatorInputSchema.safeParse({ groups, bodies, ungroupedMembers: whole(form.ungrouped || '0'), vacancies: whole(form.vacancies || '0') });
  if (!parsed.success) return { problems: problemsOf(parsed.error) };
  return { input: parsed.data, problems: [] };
}

/**
 * The schema's problems worded through the catalogue (balancePage.calc.*): the domain's own messages are English for
 * the command line and the API, so the page words each issue from what it is (its code, field and limit) instead.
 */
function problemsOf(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => {
    const box = BOX_OF[String(issue.path[0])] ?? 'groups';
    const line = typeof issue.path[1] === 'number' ? issue.path[1] + 1 : undefined;
    return { field: box, message: located(box, line, issueWords(issue)) };
  });
}

function issueWords(issue: z.core.$ZodIssue): string {
  const field = String(issue.path[issue.path.length - 1]);
  const what = t(`balancePage.calc.field.${field}`);
  const limit = 'minimum' in issue ? Number(issue.minimum) : 'maximum' in issue ? Number(issue.maximum) : undefined;
  if (field === 'name') return t(issue.code === 'too_big' ? 'balancePage.calc.nameTooLong' : 'balancePage.calc.nameMissing', { max: limit });
  if (field === 'kind') return t('balancePage.calc.kind', { kinds: BODY_KINDS.join(', ') });
  if (field === 'groups' || field === 'bodies') {
    if (issue.code === 'too_small') return t('balancePage.calc.noBodies');
    if (issue.code === 'too_big') return t(`balancePage.calc.tooMany.${field}`, { max: limit });
    // The schema's refinements: two of the same name, or a group named as members in no group are reported.
    if (field === 'groups' && issue.message.includes(`"${UNGROUPED}"`)) return t('balancePage.calc.reservedName', { name: UNGROUPED });
    return t(`balancePage.calc.sameName.${field}`);
  }
  if (issue.code === 'invalid_type') return t(issue.expected === 'int' ? 'balancePage.calc.notWhole' : 'balancePage.calc.notNumber', { what });
  if (issue.code === 'too_small') return t('balancePage.calc.atLeast', { what, min: limit });
  if (issue.code === 'too_big') return t('balancePage.calc.atMost', { what, max: limit });
  return t('balancePage.calc.notNumber', { what });
}

export const BODY_KIND_WORDS = BODY_KINDS.join(', ');
