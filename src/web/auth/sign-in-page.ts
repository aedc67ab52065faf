import type { FastifyReply } from 'fastify';
import { formErrors, type Problem } from '../shared/forms.ts';
import { t } from '../i18n/index.ts';

/** The sign-in page; with an identity provider configured, it also offers sign-in with the council's account. */
export function renderSignIn(reply: FastifyReply, oidcLabel: string | undefined, values: Record<string, unknown>, problems: Problem[] = [], status = 200) {
  return reply.code(status).view('auth/sign-in.njk', {
    pageTitle: problems.length ? t('signIn.errorTitle') : t('signIn.title'),
    values,
    oidcLabel,
    errors: problems.length ? formErrors(problems) : undefined,
  });
}
