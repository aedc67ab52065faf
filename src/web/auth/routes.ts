/**
 * Sign in, sign out and password reset pages. Thin: validate -> service -> redirect or re-render with GOV.UK errors.
 */
import { formatLondonClock } from '../../domain/dates.ts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { passwordResetRequester, passwordResetter, passwordResetTokenUsable } from '../../services/accounts/password-reset.ts';
import { sessionEnder, signInAttempter } from '../../services/accounts/sign-in.ts';
import { createMailer } from '../../services/accounts/mailer.ts';
import type { FeatureDeps } from '../../http/feature.ts';
import { formErrors, serviceProblems, zodProblems, type Problem } from '../admin/forms.ts';
import { linkTo, ROUTES } from '../../http/routes.ts';
import { safeNext, SESSION_COOKIE, setSessionCookie } from './session-cookie.ts';
import { oidcRoutes } from './oidc-routes.ts';
import { renderSignIn } from './sign-in-page.ts';

export const SignInSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email address').max(254, 'Email address must be 254 characters or fewer'),
  password: z.string().min(1, 'Enter your password').max(200, 'Password must be 200 characters or fewer'),
  next: z.string().optional(),
});
export type SignIn = z.infer<typeof SignInSchema>;

export const ForgotPasswordSchema = z.object({
  email: z.email('Enter an email address in the correct format, like name@example.gov.uk').max(254),
});

export const ResetPasswordSchema = z.object({
  password: z.string().min(1, 'Enter a new password'),
  confirm: z.string().min(1, 'Enter the new password again'),
});

/** Sign-in attempts per IP address and per account, on top of the account lockout. */
const PER_IP = { max: 50, timeWindow: '15 minutes' };
const PER_ACCOUNT = { max: 10, timeWindow: '15 minutes' };

export async function authRoutes(app: FastifyInstance, { config, database, secureCookies }: FeatureDeps & { secureCookies: boolean }): Promise<void> {
  const mailer = createMailer(config, app.log);
  const perAccount = app.createRateLimit({
    ...PER_ACCOUNT,
    keyGenerator: (request) => `account:${String((request.body as { email?: unknown } | undefined)?.email ?? '').trim().toLowerCase()}`,
  });

  const signInPage = (reply: FastifyReply, values: Record<string, unknown>, problems: Problem[] = [], status = 200) =>
    renderSignIn(reply, config.oidc?.label, values, problems, status);

  app.get(ROUTES['auth.signIn'], async (request, reply) => {
    const next = safeNext((request.query as { next?: unknown }).next);
    return signInPage(reply, { next });
  });

  app.post(ROUTES['auth.signIn'], { config: { rateLimit: PER_IP } }, async (request, reply) => {
    const parsed = SignInSchema.safeParse(request.body ?? {});
    const raw = (request.body ?? {}) as Record<string, unknown>;
    const values = { email: raw.email, next: safeNext(raw.next) };
    if (!parsed.success) return signInPage(reply, values, zodProblems(parsed.error), 400);
    const limit = await perAccount(request);
    if (!limit.isAllowed && limit.isExceeded) {
      return signInPage(reply, values, [{ field: 'email', message: 'Too many attempts to sign in to this account. Wait 15 minutes and try again.' }], 429);
    }
    const result = await signInAttempter({ database, email: parsed.data.email, password: parsed.data.password });
    if (!result.ok) {
      const message =
        result.reason === 'locked'
          ? `This account is locked after too many wrong passwords. Try again after ${formatLondonClock(result.lockedUntil)}, or reset your password.`
          : 'Enter the email address and password of your Quorum account';
      return signInPage(reply, values, [{ field: 'email', message }], result.reason === 'locked' ? 403 : 400);
    }
    setSessionCookie(reply, result, secureCookies);
    return reply.redirect(safeNext(parsed.data.next) ?? linkTo('admin.home'), 303);
  });

  if (config.oidc) await oidcRoutes(app, { config, database, oidc: config.oidc, secureCookies });

  app.post(ROUTES['auth.signOut'], async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await sessionEnder({ database, sessionToken: token });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect(linkTo('home'), 303);
  });

  app.get(ROUTES['auth.forgotPassword'], async (_request, reply) => {
    return reply.view('admin/forgot-password.njk', { pageTitle: 'Reset your password', values: {} });
  });

  app.post(ROUTES['auth.forgotPassword'], { config: { rateLimit: PER_IP } }, async (request, reply) => {
    const raw = (request.body ?? {}) as Record<string, unknown>;
    const parsed = ForgotPasswordSchema.safeParse(raw);
    if (!parsed.success) {
      return reply.code(400).view('admin/forgot-password.njk', { pageTitle: 'Error: Reset your password', values: raw, errors: formErrors(zodProblems(parsed.error)) });
    }
    const base = config.publicUrl ?? `${request.protocol}://${request.host}`;
    await passwordResetRequester({
      database,
      mailer,
      email: parsed.data.email,
      linkFor: (token) => new URL(linkTo('auth.resetPassword', { token }), base).toString(),
    });
    return reply.view('admin/forgot-password-sent.njk', { pageTitle: 'Check your email', email: parsed.data.email });
  });

  app.get(ROUTES['auth.resetPassword'], async (request, reply) => {
    const { token } = request.params as { token: string };
    if (!(await passwordResetTokenUsable(database, token))) {
      return reply.code(410).view('admin/reset-password-expired.njk', { pageTitle: 'This link has expired' });
    }
    return reply.view('admin/reset-password.njk', { pageTitle: 'Choose a new password', token });
  });

  app.post(ROUTES['auth.resetPassword'], { config: { rateLimit: PER_IP } }, async (request, reply) => {
    const { token } = request.params as { token: string };
    const parsed = ResetPasswordSchema.safeParse(request.body ?? {});
    const problems: Problem[] = parsed.success ? [] : zodProblems(parsed.error);
    if (parsed.success && parsed.data.password !== parsed.data.confirm) problems.push({ field: 'confirm', message: 'The passwords do not match' });
    if (!problems.length && parsed.success) {
      try {
        await passwordResetter({ database, token, password: parsed.data.password });
        return reply.view('admin/reset-password-done.njk', { pageTitle: 'Your password has been changed' });
      } catch (error) {
        const found = serviceProblems(error);
        if (!found) throw error;
        if (found.some((problem) => problem.field === 'token')) {
          return reply.code(410).view('admin/reset-password-expired.njk', { pageTitle: 'This link has expired' });
        }
        problems.push(...found);
      }
    }
    return reply.code(400).view('admin/reset-password.njk', { pageTitle: 'Error: Choose a new password', token, errors: formErrors(problems) });
  });
}
