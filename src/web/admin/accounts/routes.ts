/** Accounts: who can sign in, with which roles. Democratic services create them; the person sets a password by reset link. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { listAccounts } from '../../../db/repositories/accounts.ts';
import { ROLE_LABELS, ROLES } from '../../../domain/roles.ts';
import { accountCreator } from '../../../services/accounts/account-creator.ts';
import type { FeatureDeps } from '../../../http/feature.ts';
import { linkTo, ROUTES } from '../../../http/routes.ts';
import { formAction } from '../form-action.ts';
import { asList, formErrors, type Problem } from '../forms.ts';

export const AccountFormSchema = z.object({
  email: z.string(),
  name: z.string(),
  roles: z.preprocess(asList, z.array(z.string())),
});

export async function accountRoutes(app: FastifyInstance, { database }: FeatureDeps): Promise<void> {
  app.get(ROUTES['admin.accounts'], async (_request, reply) => {
    const accounts = (await listAccounts(database.db)).map((account) => ({
      id: account.id,
      email: account.email,
      name: account.name,
      roles: account.roles.map((role) => ROLE_LABELS[role]).join(', '),
      state: account.disabled_at ? 'Disabled' : 'Active',
    }));
    return reply.view('admin/accounts.njk', { pageTitle: 'Accounts', accounts });
  });

  function newAccountPage(reply: FastifyReply, values: Record<string, unknown>, problems: Problem[] = [], status = 200) {
    const chosen = asList(values.roles);
    return reply.code(status).view('admin/account-new.njk', {
      pageTitle: `${problems.length ? 'Error: ' : ''}Create an account`,
      values,
      roles: ROLES.map((role) => ({ value: role, text: ROLE_LABELS[role], checked: chosen.includes(role) })),
      errors: problems.length ? formErrors(problems) : undefined,
    });
  }

  app.get(ROUTES['admin.account.new'], async (_request, reply) => newAccountPage(reply, {}));

  app.post(ROUTES['admin.account.new'], async (request, reply) => {
    const values = (request.body ?? {}) as Record<string, unknown>;
    return formAction({
      schema: AccountFormSchema,
      body: values,
      run: async (data) => {
        // The service validates email, name and roles and says which field is wrong.
        await accountCreator({ database, actor: request.user!.id, email: data.email, name: data.name, roles: data.roles as never });
        return linkTo('admin.accounts');
      },
      fail: (problems, status) => newAccountPage(reply, values, problems, status),
      redirect: (url) => reply.redirect(url, 303),
    });
  });
}
