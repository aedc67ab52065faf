/**
 * Sign in, sign out and password reset pages. Thin: validate -> service -> redirect or re-render with GOV.UK errors.
 * Nothing here answers differently for an address with an account: a wrong password and an unknown address get the
 * same page, too many attempts the same delay, and a reset request the same page at once while the work is done in
 * the background (src/services/accounts/mail-outbox.ts).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { RESET_RULES, throttleKeys } from '../../domain/accounts/attempt-throttle.ts';
import { throttleFailure, throttleWait } from '../../services/accounts/attempt-throttle.ts';
import { MAX_PASSWORD_LENGTH } from '../../services/accounts/credentials.ts';
import { mailOutbox } from '../../services/accounts/mail-outbox.ts';
import { passwordResetRequester, passwordResetter, passwordResetTokenUsable } from '../../services/accounts/password-reset.ts';
import { sessionEnder, signInAttempter } from '../../services/accounts/sign-in.ts';
import { createMailer } from '../../services/accounts/mailer.ts';
import type { FeatureDeps } from '../../http/feature.ts';
import { formErrors, serviceProblems, zodProblems, type Problem } from '../shared/forms.ts';
import { linkTo, ROUTES } from '../../http/routes.ts';
import type { CsrfGuard } from './csrf.ts';
import { safeNext, SESSION_COOKIE, setSessionCookie } from './session-cookie.ts';
import { oidcRoutes } from './oidc-routes.ts';
import { renderSignIn } from './sign-in-page.ts';
import { t } from '../i18n/index.ts';

/**
 * The schemas' messages are catalogue keys (auth.errors.*): the footer's sign-in link is public, so a Welsh reader
 * meets these pages, and problems() words them in the language of the request.
 */
export const SignInSchema = z.object({
  email: z.string().trim().min(1, 'auth.errors.enterEmail').max(254, 'auth.errors.emailTooLong'),
  password: z.string().min(1, 'auth.errors.enterPassword').max(MAX_PASSWORD_LENGTH, 'auth.errors.passwordTooLong'),
  next: z.string().optional(),
});
export type SignIn = z.infer<typeof SignInSchema>;

export const ForgotPasswordSchema = z.object({
  email: z.email('auth.errors.emailFormat').max(254, 'auth.errors.emailTooLong'),
});

export const ResetPasswordSchema = z.object({
  password: z.string().min(1, 'auth.errors.enterNewPassword'),
  confirm: z.string().min(1, 'auth.errors.confirmPassword'),
});

/** A schema's problems in the reader's language: each message is a catalogue key. */
function problems(error: z.ZodError): Problem[] {
  return zodProblems(error).map((problem) => ({ ...problem, message: t(problem.message, { max: MAX_PASSWORD_LENGTH }) }));
}

/** "30 seconds", "5 minutes": how long to wait, as a person would say it. */
function waitText(seconds: number): string {
  if (seconds < 90) return t('auth.wait.seconds', { count: seconds });
  return t('auth.wait.minutes', { count: Math.ceil(seconds / 60) });
}

export async function authRoutes(
  app: FastifyInstance,
  { config, database, secureCookies, csrf }: FeatureDeps & { secureCookies: boolean; csrf: CsrfGuard },
): Promise<void> {
  const outbox = mailOutbox(createMailer(config, app.log), app.log);
  app.addHook('onClose', () => outbox.close());
  const resetLinkFor = (token: string) =>
    new URL(linkTo('auth.resetPassword', { token }), config.publicUrl ?? `http://${config.host}:${config.port}`).toString();

  const signInPage = (reply: FastifyReply, values: Record<string, unknown>, problems: Problem[] = [], status = 200) =>
    renderSignIn(reply, config.oidc?.label, values, problems, status);

  /** A session begins: its cookie, and a new CSRF secret so no token from before signing in outlives it. */
  const startSession = (reply: FastifyReply, session: { sessionToken: string; expiresAt: Date }) => {
    setSessionCookie(reply, session, secureCookies);
    csrf.rotate(reply, session);
  };

  app.get(ROUTES['auth.signIn'], async (request, reply) => {
    const next = safeNext((request.query as { next?: unknown }).next);
    return signInPage(reply, { next });
  });

  app.post(ROUTES['auth.signIn'], async (request, reply) => {
    const parsed = SignInSchema.safeParse(request.body ?? {});
    const raw = (request.body ?? {}) as Record<string, unknown>;
    const values = { email: raw.email, next: safeNext(raw.next) };
    if (!parsed.success) return signInPage(reply, values, problems(parsed.error), 400);
    const result = await signInAttempter({ database, email: parsed.data.email, password: parsed.data.password, address: request.ip });
    if (!result.ok) {
      if (result.reason === 'throttled') {
        reply.header('retry-after', String(result.retryAfterSeconds));
        const message = t('auth.errors.throttled', { wait: waitText(result.retryAfterSeconds) });
        return signInPage(reply, values, [{ field: 'email', message }], 429);
      }
      return signInPage(reply, values, [{ field: 'email', message: t('auth.errors.wrong') }], 400);
    }
    startSession(reply, result);
    return reply.redirect(safeNext(parsed.data.next) ?? linkTo('admin.home'), 303);
  });

  if (config.oidc) await oidcRoutes(app, { config, database, oidc: config.oidc, startSession });

  app.post(ROUTES['auth.signOut'], async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await sessionEnder({ database, sessionToken: token });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    csrf.rotate(reply, null);
    return reply.redirect(linkTo('home'), 303);
  });

  app.get(ROUTES['auth.forgotPassword'], async (_request, reply) => {
    return reply.view('auth/forgot-password.njk', { pageTitle: t('auth.resetTitle'), values: {} });
  });

  // The same page, at once, for every address: the account is looked up, the link issued and the email sent (with
  // retries) after the answer. Only what the client typed and where it came from decide whether it must wait.
  app.post(ROUTES['auth.forgotPassword'], async (request, reply) => {
    const raw = (request.body ?? {}) as Record<string, unknown>;
    const parsed = ForgotPasswordSchema.safeParse(raw);
    if (!parsed.success) {
      return reply
        .code(400)
        .view('auth/forgot-password.njk', { pageTitle: t('auth.resetErrorTitle'), values: raw, errors: formErrors(problems(parsed.error)) });
    }
    const email = parsed.data.email;
    const now = new Date();
    const fromHere = [{ key: throttleKeys.resetAddress(request.ip), rule: RESET_RULES.address }];
    const forEmail = [{ key: throttleKeys.resetEmail(email), rule: RESET_RULES.email }];
    const [addressWait, emailWait] = await Promise.all([throttleWait(database.db, fromHere, now), throttleWait(database.db, forEmail, now)]);
    if (addressWait > 0) {
      reply.header('retry-after', String(addressWait)).code(429);
      const waitProblems = [{ field: 'email', message: t('auth.errors.resetThrottled', { wait: waitText(addressWait) }) }];
      return reply.view('auth/forgot-password.njk', { pageTitle: t('auth.resetErrorTitle'), values: raw, errors: formErrors(waitProblems) });
    }
    // Every request counts; one for an address that already had its links is answered alike and sends nothing more.
    await throttleFailure(database.db, emailWait > 0 ? fromHere : [...fromHere, ...forEmail], now);
    if (emailWait === 0) outbox.post(() => passwordResetRequester({ database, email, linkFor: resetLinkFor, now }));
    return reply.view('auth/forgot-password-sent.njk', { pageTitle: t('auth.checkEmail'), email });
  });

  app.get(ROUTES['auth.resetPassword'], async (request, reply) => {
    const { token } = request.params as { token: string };
    if (!(await passwordResetTokenUsable(database, token))) {
      return reply.code(410).view('auth/reset-password-expired.njk', { pageTitle: t('auth.expiredTitle') });
    }
    return reply.view('auth/reset-password.njk', { pageTitle: t('auth.chooseTitle'), token });
  });

  app.post(ROUTES['auth.resetPassword'], async (request, reply) => {
    const { token } = request.params as { token: string };
    const parsed = ResetPasswordSchema.safeParse(request.body ?? {});
    const found: Problem[] = parsed.success ? [] : problems(parsed.error);
    if (parsed.success && parsed.data.password !== parsed.data.confirm) found.push({ field: 'confirm', message: t('auth.errors.mismatch') });
    if (!found.length && parsed.success) {
      try {
        const session = await passwordResetter({ database, token, password: parsed.data.password });
        // The link proved who they are: they are signed in (however many wrong passwords strangers have tried).
        startSession(reply, session);
        return reply.view('auth/reset-password-done.njk', { pageTitle: t('auth.changedTitle') });
      } catch (error) {
        const refused = serviceProblems(error);
        if (!refused) throw error;
        if (refused.some((problem) => problem.field === 'token')) {
          return reply.code(410).view('auth/reset-password-expired.njk', { pageTitle: t('auth.expiredTitle') });
        }
        found.push(...refused);
      }
    }
    return reply.code(400).view('auth/reset-password.njk', { pageTitle: t('auth.chooseErrorTitle'), token, errors: formErrors(found) });
  });
}
