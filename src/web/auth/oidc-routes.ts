/**
 * Sign-in with the council's identity provider: /sign-in/oidc sends the browser to the provider, which sends it back
 * to /sign-in/oidc/callback. Only registered when QUORUM_OIDC_ISSUER is set.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { DatabaseHandle } from '../../db/engine.ts';
import { oidcSignIn, type OidcFinishResult } from '../../services/accounts/oidc-sign-in.ts';
import { linkTo, ROUTES } from '../../http/routes.ts';
import { renderSignIn } from './sign-in-page.ts';
import { safeNext } from './session-cookie.ts';

/** Holds the state of a sign-in begun in this browser, only for the callback's path and only for ten minutes. */
const STATE_COOKIE = 'quorum_oidc_state';

const CallbackQuerySchema = z.object({
  state: z.string().max(512).optional(),
  code: z.string().max(4096).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1000).optional(),
});

function refusal(result: Exclude<OidcFinishResult, { ok: true }>, label: string): { message: string; status: number } {
  switch (result.reason) {
    case 'expired':
      return { message: `Signing in with ${label} took too long, or was started in another browser or tab. Try again.`, status: 400 };
    case 'provider':
      return { message: `Signing in with ${label} did not confirm who you are. Try again, or sign in with your email address and password.`, status: 502 };
    case 'unverified-email':
      return {
        message: `${label} has not verified your email address (${result.email}), so Quorum cannot tell which account is yours. Verify it there, or sign in with your email address and password.`,
        status: 403,
      };
    case 'no-account':
      return {
        message: result.email
          ? `No Quorum account uses the email address ${result.email}. Ask a democratic services officer to create one for you.`
          : `${label} did not share your email address, so Quorum cannot tell which account is yours. Ask a democratic services officer for help.`,
        status: 403,
      };
    case 'disabled':
      return { message: 'Your Quorum account is disabled. Ask a democratic services officer if you need it again.', status: 403 };
  }
}

export async function oidcRoutes(
  app: FastifyInstance,
  props: {
    config: Config;
    database: DatabaseHandle;
    oidc: NonNullable<Config['oidc']>;
    /** Gives the browser the new session (and a new CSRF secret). */
    startSession: (reply: FastifyReply, session: { sessionToken: string; expiresAt: Date }) => void;
  },
): Promise<void> {
  const { config, oidc, startSession } = props;
  const secureCookies = config.publicUrl?.startsWith('https:') ?? false;
  const base = config.publicUrl ?? 'http://localhost:3000';
  const service = oidcSignIn({ database: props.database, oidc, redirectUri: new URL(linkTo('auth.oidcCallback'), base).href });
  const cookieOptions = { path: linkTo('auth.oidc'), httpOnly: true, sameSite: 'lax' as const, secure: secureCookies ? true : ('auto' as const) };
  const refuse = (reply: FastifyReply, message: string, status: number) => renderSignIn(reply, oidc.label, {}, [{ field: 'oidc', message }], status);

  app.get(ROUTES['auth.oidc'], async (request, reply) => {
    const next = safeNext((request.query as { next?: unknown }).next) ?? null;
    let begun: Awaited<ReturnType<typeof service.begin>>;
    try {
      begun = await service.begin(next);
    } catch (error) {
      request.log.warn({ err: error }, 'identity provider unreachable');
      return refuse(reply, `${oidc.label} cannot be reached just now. Try again later, or sign in with your email address and password.`, 503);
    }
    reply.setCookie(STATE_COOKIE, begun.state, { ...cookieOptions, maxAge: 600 });
    return reply.redirect(begun.authorizationUrl, 303);
  });

  app.get(ROUTES['auth.oidcCallback'], async (request, reply) => {
    const query = CallbackQuerySchema.safeParse(request.query ?? {});
    reply.clearCookie(STATE_COOKIE, cookieOptions);
    if (!query.success) return refuse(reply, `The reply from ${oidc.label} was not understood. Try again.`, 400);
    if (query.data.error) {
      const message =
        query.data.error === 'access_denied'
          ? `You did not finish signing in with ${oidc.label}. Try again, or sign in with your email address and password.`
          : `${oidc.label} could not sign you in (${query.data.error}). Try again, or sign in with your email address and password.`;
      return refuse(reply, message, 400);
    }
    const result = await service.finish(new URL(request.url, base), request.cookies[STATE_COOKIE]);
    if (!result.ok) {
      if (result.reason === 'provider') request.log.warn({ detail: result.detail }, 'identity provider sign-in refused');
      const { message, status } = refusal(result, oidc.label);
      return refuse(reply, message, status);
    }
    startSession(reply, result);
    return reply.redirect(safeNext(result.next) ?? linkTo('admin.home'), 303);
  });
}
