/** Accounts: who can sign in, with which roles. Democratic services create them; the person sets a password by reset link. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { findPersonChoice, listAccounts, searchPeople, findAccountById, type PersonChoice } from '../../../db/repositories/accounts.ts';
import { personName } from '../../../services/political-balance/person-name.ts';
import { ROLE_LABELS, ROLES } from '../../../domain/roles.ts';
import { accountCreator, accountPersonLinker } from '../../../services/accounts/account-creator.ts';
import { NotFound } from '../../../http/errors.ts';
import type { FeatureDeps } from '../../../http/feature.ts';
import { linkTo, ROUTES } from '../../../http/routes.ts';
import { formAction } from '../form-action.ts';
import { asList, formErrors, type Problem } from '../../shared/forms.ts';

export const AccountFormSchema = z.object({
  email: z.string(),
  name: z.string(),
  roles: z.preprocess(asList, z.array(z.string())),
  personId: z.string().optional(),
});

const LinkFormSchema = z.object({ personId: z.string().optional() });

/** "Mrs Jenny Whittle (member)", with the account it is already linked to, so the picker shows who is taken. */
function choiceText(person: PersonChoice): string {
  const role = person.kind === 'officer' ? person.job_title || 'officer' : 'member';
  return `${personName(person)} (${role})`;
}

/**
 * The searchable picker, without JavaScript: the officer types part of a name and presses "Find", and the page comes
 * back with the people who match as radio buttons; the person already chosen stays chosen.
 */
async function pickerItems(db: FeatureDeps['database']['db'], query: string, chosen: string | undefined, accountId?: string) {
  const found = query.trim() ? await searchPeople(db, query) : [];
  const current = chosen ? await findPersonChoice(db, chosen) : undefined;
  const people = current && !found.some((person) => person.id === current.id) ? [current, ...found] : found;
  return {
    searched: query.trim() !== '',
    items: [
      { value: '', text: 'Not linked to a person', checked: !chosen },
      ...people.map((person) => ({
        value: person.id,
        text: choiceText(person),
        checked: person.id === chosen,
        disabled: !!person.linked_account_id && person.linked_account_id !== accountId,
        hint: person.linked_account_id && person.linked_account_id !== accountId ? { text: 'Already linked to another account' } : undefined,
      })),
    ],
  };
}

export async function accountRoutes(app: FastifyInstance, deps: FeatureDeps): Promise<void> {
  app.get(ROUTES['admin.accounts'], (request, reply) => getAccounts(deps, request, reply));
  app.get(ROUTES['admin.account.new'], (request, reply) => getAccountNew(deps, request, reply));
  app.post(ROUTES['admin.account.new'], (request, reply) => postAccountNew(deps, request, reply));
  app.get(ROUTES['admin.account.person'], (request, reply) => getAccountPerson(deps, request, reply));
  app.post(ROUTES['admin.account.person'], (request, reply) => postAccountPerson(deps, request, reply));
}

async function newAccountPage(deps: FeatureDeps, reply: FastifyReply, values: Record<string, unknown>, problems: Problem[] = [], status = 200) {
  const { database } = deps;
  const chosen = asList(values.roles);
  return reply.code(status).view('admin/account-new.njk', {
    picker: await pickerItems(
      database.db,
      String(values.personQuery ?? ''),
      typeof values.personId === 'string' && values.personId ? values.personId : undefined,
    ),
    pageTitle: `${problems.length ? 'Error: ' : ''}Create an account`,
    values,
    roles: ROLES.map((role) => ({ value: role, text: ROLE_LABELS[role], checked: chosen.includes(role) })),
    errors: problems.length ? formErrors(problems) : undefined,
  });
}

async function linkPage(deps: FeatureDeps, reply: FastifyReply, accountId: string, values: Record<string, unknown>, problems: Problem[] = [], status = 200) {
  const { database } = deps;
  const account = await findAccountById(database.db, accountId);
  if (!account) throw NotFound('Account not found');
  const chosen = 'personId' in values ? String(values.personId ?? '') || undefined : (account.person_id ?? undefined);
  return reply.code(status).view('admin/account-person.njk', {
    pageTitle: `${problems.length ? 'Error: ' : ''}Link ${account.name}’s account to a person`,
    account,
    values,
    picker: await pickerItems(database.db, String(values.personQuery ?? ''), chosen, account.id),
    errors: problems.length ? formErrors(problems) : undefined,
  });
}

async function getAccounts(deps: FeatureDeps, _request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  const rows = await listAccounts(database.db);
  const people = new Map(
    (await Promise.all(rows.filter((row) => row.person_id).map((row) => findPersonChoice(database.db, row.person_id!))))
      .filter((person) => person)
      .map((person) => [person!.id, choiceText(person!)]),
  );
  const accounts = rows.map((account) => ({
    person: account.person_id ? (people.get(account.person_id) ?? '') : '',
    linkHref: linkTo('admin.account.person', { id: account.id }),
    id: account.id,
    email: account.email,
    name: account.name,
    roles: account.roles.map((role) => ROLE_LABELS[role]).join(', '),
    state: account.disabled_at ? 'Disabled' : 'Active',
  }));
  return reply.view('admin/accounts.njk', { pageTitle: 'Accounts', accounts });
}

async function getAccountNew(deps: FeatureDeps, _request: FastifyRequest, reply: FastifyReply) {
  return newAccountPage(deps, reply, {});
}

async function postAccountNew(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  const values = (request.body ?? {}) as Record<string, unknown>;
  // "Find" re-renders the form with the people who match; nothing is saved.
  if (values.find !== undefined) return newAccountPage(deps, reply, values);
  return formAction({
    schema: AccountFormSchema,
    body: values,
    run: async (data) => {
      // The service validates email, name and roles and says which field is wrong.
      await accountCreator({
        database,
        actor: request.user!,
        email: data.email,
        name: data.name,
        roles: data.roles as never,
        ...(data.personId ? { personId: data.personId } : {}),
      });
      return linkTo('admin.accounts');
    },
    fail: (problems, status) => newAccountPage(deps, reply, values, problems, status),
    redirect: (url) => reply.redirect(url, 303),
  });
}

async function getAccountPerson(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  const { id } = request.params as { id: string };
  const query = (request.query ?? {}) as Record<string, unknown>;
  return linkPage(deps, reply, id, typeof query.personQuery === 'string' ? { personQuery: query.personQuery } : {});
}

async function postAccountPerson(deps: FeatureDeps, request: FastifyRequest, reply: FastifyReply) {
  const { database } = deps;
  const { id } = request.params as { id: string };
  const values = (request.body ?? {}) as Record<string, unknown>;
  if (values.find !== undefined) return linkPage(deps, reply, id, values);
  if (!(await findAccountById(database.db, id))) throw NotFound('Account not found');
  return formAction({
    schema: LinkFormSchema,
    body: values,
    run: async (data) => {
      await accountPersonLinker({ database, actor: request.user!, accountId: id, personId: data.personId || null });
      return linkTo('admin.accounts');
    },
    fail: (problems, status) => linkPage(deps, reply, id, values, problems, status),
    redirect: (url) => reply.redirect(url, 303),
  });
}
