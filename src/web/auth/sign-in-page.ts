import type { FastifyReply } from 'fastify';
import { formErrors, type Problem } from '../shared/forms.ts';
import { t } from '../i18n/index.ts';
import { linkTo } from '../../http/routes.ts';

/** The sign-in page; with an identity provider configured, it also offers sign-in with the council's account. */
export function renderSignIn(reply: FastifyReply, oidcLabel: string | undefined, values: Record<string, unknown>, problems: Problem[] = [], status = 200) {
  return reply.code(status).view('auth/sign-in.njk', {
    pageTitle: problems.length ? t('signIn.errorTitle') : t('signIn.title'),
    values,
    oidcLabel,
    // The provider's button carries on to where the reader was going; built here, as a template holds no addresses.
    oidcHref: `${linkTo('auth.oidc')}${typeof values.next === 'string' && values.next ? `?next=${encodeURIComponent(values.next)}` : ''}`,
    errors: problems.length ? formErrors(problems) : undefined,
  });
}
