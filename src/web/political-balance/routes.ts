/**
 * Political balance pages: the public table on a date (HTML, CSV, DOCX), the "what changes if" view, and the
 * democratic services settings (seats per body, whether the rules apply, agreements outside the rules).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import * as queries from '../../db/queries/political-balance.ts';
import { BalanceInputError, NO_GROUP } from '../../domain/political-balance/allocate.ts';
import { balanceCalculator, type CalculatorOutput } from '../../domain/political-balance/calculator.ts';
import { balanceTable, partyOf, seatsThatMove, type Shift } from '../../services/political-balance/balance-table.ts';
import { personName } from '../../services/political-balance/person-name.ts';
import { balanceCsv, balanceDocx } from '../../services/political-balance/table-files.ts';
import { formErrors as adminFormErrors, zodProblems } from '../shared/forms.ts';
import { BODY_KIND_WORDS, readCalculatorForm } from './calculator-form.ts';
import type { FeatureDeps } from '../../http/feature.ts';
import { formErrors, firstValue } from '../shared/form-errors.ts';
import { todayInLondon } from '../../domain/dates.ts';
import { linkTo, ROUTES } from '../../http/routes.ts';
import { presentCalculation, presentMoves, presentTable } from './presenter.ts';
import { DateQuerySchema, WhatIfQuerySchema } from './schema.ts';
import { t } from '../i18n/index.ts';

function readDate(request: FastifyRequest): { date: string; value: string; errors?: ReturnType<typeof formErrors> } {
  const value = firstValue((request.query as Record<string, unknown>).date);
  const parsed = DateQuerySchema.safeParse({ date: value });
  if (!parsed.success) return { date: todayInLondon(), value, errors: formErrors(parsed.error, { date: 'date' }) };
  return { date: parsed.data.date ?? todayInLondon(), value: value ?? '' };
}

async function whatIfChoices(db: Kysely<Database>, date: string, selected: Record<string, string | undefined>) {
  const [members, groups] = await Promise.all([queries.membersOn(db, date), queries.listGroupNames(db)]);
  const groupName = new Map(groups.map((group) => [group.id, group.name]));
  const parties = [...groups.map((group) => ({ value: group.id, text: group.name })), { value: NO_GROUP, text: t('balancePage.noGroup') }];
  const mark = (items: Array<{ value: string; text: string }>, value: string | undefined) => [
    { value: '', text: t('balancePage.choose') },
    ...items.map((item) => ({ ...item, selected: item.value === value })),
  ];
  return {
    people: mark(
      members.map((member) => ({
        value: member.personId,
        text: `${personName({ honorific: member.honorific, given_name: member.givenName, initials: member.initials, family_name: member.familyName })} (${member.groupId ? groupName.get(member.groupId) : 'no group'})`,
      })),
      selected.person,
    ),
    groups: mark(parties, selected.group),
    from: mark(parties, selected.from),
    to: mark(parties, selected.to),
    validParty: (id: string) => parties.some((party) => party.value === id),
  };
}

export async function registerBalanceRoutes(app: FastifyInstance, { config, database }: FeatureDeps): Promise<void> {
  const { db } = database;

  app.get(ROUTES['balance.table'], async (request, reply) => {
    const date = readDate(request);
    if (date.errors) reply.code(400);
    const table = await balanceTable(db, date.date);
    return reply.view('political-balance/table.njk', {
      table: presentTable(table),
      dateState: date,
      csvHref: `${linkTo('balance.csv')}?date=${date.date}`,
      docxHref: `${linkTo('balance.docx')}?date=${date.date}`,
      whatIfHref: `${linkTo('balance.whatIf')}?date=${date.date}`,
      currentNav: 'committees',
    });
  });

  app.get(ROUTES['balance.csv'], async (request, reply) => {
    const date = readDate(request);
    if (date.errors) reply.code(400);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="political-balance-${date.date}.csv"`)
      .send(balanceCsv(await balanceTable(db, date.date)));
  });

  app.get(ROUTES['balance.docx'], async (request, reply) => {
    const date = readDate(request);
    if (date.errors) reply.code(400);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', `attachment; filename="political-balance-${date.date}.docx"`)
      .send(await balanceDocx(await balanceTable(db, date.date), config.authorityName));
  });

  app.get(ROUTES['balance.whatIf'], async (request, reply: FastifyReply) => {
    const parsed = WhatIfQuerySchema.safeParse(
      Object.fromEntries(Object.entries(request.query as Record<string, unknown>).map(([key, value]) => [key, firstValue(value)])),
    );
    const date = readDate(request);
    const query = parsed.success ? parsed.data : {};
    const choices = await whatIfChoices(db, date.date, query);
    const problems = parsed.success ? [] : zodProblems(parsed.error);
    let shift: Shift | undefined;
    let description = '';
    if (query.person) {
      const from = await partyOf(db, date.date, query.person);
      if (!from) problems.push({ field: 'person', message: t('balancePage.errorMember') });
      else if (!query.group || !choices.validParty(query.group)) problems.push({ field: 'group', message: t('balancePage.errorGroup') });
      else if (from === query.group) problems.push({ field: 'group', message: t('balancePage.errorSameGroup') });
      else {
        shift = { from, to: query.group };
        description = t('balancePage.ifMoves', {
          name: choices.people.find((person) => person.value === query.person)!.text.replace(/ \(.*\)$/, ''),
          group: choices.groups.find((group) => group.value === query.group)!.text,
        });
      }
    } else if (query.from || query.to) {
      if (!query.from || !choices.validParty(query.from)) problems.push({ field: 'from', message: t('balancePage.errorFrom') });
      if (!query.to || !choices.validParty(query.to)) problems.push({ field: 'to', message: t('balancePage.errorTo') });
      if (!problems.length && query.from === query.to) problems.push({ field: 'to', message: t('balancePage.errorDifferent') });
      if (!problems.length) {
        shift = { from: query.from!, to: query.to! };
        description = t('balancePage.ifByElection', {
          from: choices.from.find((party) => party.value === query.from)!.text,
          to: choices.to.find((party) => party.value === query.to)!.text,
        });
      }
    }
    if (date.errors || problems.length) reply.code(400);
    const before = await balanceTable(db, date.date);
    const after = shift ? await balanceTable(db, date.date, shift) : undefined;
    const moves = after ? seatsThatMove(before, after) : [];
    return reply.view('political-balance/what-if.njk', {
      dateState: date,
      values: query,
      choices,
      errors: problems.length
        ? {
            summary: problems.map((problem) => ({ text: problem.message, href: `#${problem.field}` })),
            fields: Object.fromEntries(problems.map((problem) => [problem.field, { text: problem.message }])),
          }
        : undefined,
      description,
      moves: presentMoves(moves),
      table: after ? presentTable(after, moves) : undefined,
      tableHref: `${linkTo('balance.table')}?date=${date.date}`,
      action: linkTo('balance.whatIf'),
      currentNav: 'committees',
    });
  });

  // The calculator: figures in, allocation out, nothing stored (a GET form, so a result can be bookmarked and shared).
  app.get(ROUTES['balance.calculator'], async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const form = {
      groups: firstValue(query.groups),
      ungrouped: firstValue(query.ungrouped),
      vacancies: firstValue(query.vacancies),
      bodies: firstValue(query.bodies),
    };
    const submitted = Object.values(form).some((value) => value.trim() !== '');
    const read = submitted ? readCalculatorForm(form) : { problems: [] };
    let result: CalculatorOutput | undefined;
    const problems = [...read.problems];
    if (read.input) {
      try {
        result = balanceCalculator(read.input);
      } catch (error) {
        if (!(error instanceof BalanceInputError)) throw error;
        problems.push({ field: 'bodies', message: t('balancePage.calc.inBox', { box: t('balancePage.bodies'), problem: error.message }) });
      }
    }
    if (problems.length) reply.code(400);
    return reply.view('political-balance/calculator.njk', {
      values: form,
      errors: problems.length ? adminFormErrors(problems) : undefined,
      result: result ? presentCalculation(result) : undefined,
      kinds: BODY_KIND_WORDS,
      action: linkTo('balance.calculator'),
      tableHref: linkTo('balance.table'),
      currentNav: 'committees',
    });
  });
}
