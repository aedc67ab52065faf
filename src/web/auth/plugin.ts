/**
 * Who is asking, and may they? Registered first in FEATURES and without encapsulation (feature.ts), so every
 * feature's routes get: parsed form bodies, request.user from the session cookie, and CSRF checking on every
 * state-changing route (added by an onRoute hook, so a new route cannot forget it; on a route that takes files, after
 * its role checks and before any file is read: src/web/uploads.ts). Routes then guard themselves with requireRole(...).
 */
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import { readMultipartForm, registerUploads } from '../shared/uploads.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler, RouteOptions } from 'fastify';
import { hasRole, type Role, type SessionUser } from '../../domain/roles.ts';
import { sessionUserFor } from '../../services/accounts/sign-in.ts';
import { HttpError } from '../../http/errors.ts';
import type { FeatureDeps } from '../../http/feature.ts';
import { linkTo } from '../../http/routes.ts';
import { CSRF_FIELD, csrfGuard } from './csrf.ts';
import { authRoutes } from './routes.ts';
import { t } from '../i18n/index.ts';
import { SESSION_COOKIE, safeNext } from './session-cookie.ts';
export { SESSION_COOKIE };

export interface StateChangingRoute {
  method: string;
  url: string;
  csrf: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every state-changing route registered, as the CSRF hook saw it: what the route-by-role test walks. */
    stateChangingRoutes: StateChangingRoute[];
  }
  interface FastifyRequest {
    /** The signed-in account, or null for the anonymous public. */
    user: SessionUser | null;
  }
  interface FastifyContextConfig {
    /** false on a state-changing route that is not a browser form (none yet): it then skips CSRF checking. */
    csrf?: boolean;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function authPlugin(app: FastifyInstance, deps: FeatureDeps): Promise<void> {
  const { config, database } = deps;
  // Behind a TLS-terminating proxy the request itself may be http: the configured public URL says https is the truth.
  const httpsOnly = config.publicUrl?.startsWith('https:') ?? false;

  await app.register(cookie);
  await app.register(formbody);
  await registerUploads(app);
  const csrf = csrfGuard({ secureCookies: httpsOnly });
  csrf.decorate(app);
  const refuseForgedForm = (request: FastifyRequest, fields: unknown) => {
    const token = (fields as Record<string, unknown> | undefined)?.[CSRF_FIELD] ?? request.headers['x-csrf-token'];
    if (!csrf.verify(request, token)) {
      // A public form (sign in, the password pages) can meet this, so it is worded in the reader's language.
      throw new HttpError(403, 'csrf_invalid', t('errors.formExpired'));
    }
  };
  const csrfCheck: preHandlerAsyncHookHandler = async (request) => refuseForgedForm(request, request.body);
  // A form with files: read after the route's other checks, the token checked before the first file.
  const filesReader =
    (files: readonly string[]): preHandlerAsyncHookHandler =>
    async (request, reply) => {
      if (!request.isMultipart()) return refuseForgedForm(request, request.body);
      await readMultipartForm(request, reply, files, (fields) => refuseForgedForm(request, fields));
    };

  app.decorateRequest('user', null);

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.user = token ? await sessionUserFor(database, token) : null;
  });

  const stateChangingRoutes: StateChangingRoute[] = [];
  app.decorate('stateChangingRoutes', stateChangingRoutes);
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((method) => STATE_CHANGING.has(method));
    for (const method of methods) stateChangingRoutes.push({ method, url: route.url, csrf: route.config?.csrf !== false });
    if (!methods.length || route.config?.csrf === false) return;
    const existing = route.preHandler ? (Array.isArray(route.preHandler) ? route.preHandler : [route.preHandler]) : [];
    const files = route.config?.files;
    route.preHandler = (files ? [...existing, filesReader(files)] : [csrfCheck, ...existing]) as RouteOptions['preHandler'];
  });

  await authRoutes(app, { ...deps, secureCookies: httpsOnly, csrf });
}

/**
 * A preHandler admitting only the given roles (democratic services pass every check; no roles: any account).
 * The anonymous public is sent to sign in (pages) or told 401 (API clients); a wrong role gets a 403 page.
 */
export function requireRole(...roles: Role[]): preHandlerAsyncHookHandler {
  return async function (request: FastifyRequest, reply: FastifyReply) {
    const user = request.user;
    if (!user) {
      if (wantsJson(request)) throw new HttpError(401, 'unauthenticated', 'Sign in to do this');
      // After signing in, a page request returns to the page; a refused form post starts again from the back office.
      const next = request.method === 'GET' ? safeNext(request.url) : undefined;
      return reply.redirect(`${linkTo('auth.signIn')}${next ? `?next=${encodeURIComponent(next)}` : ''}`, 303);
    }
    if (roles.length > 0 && !hasRole(user, ...roles)) {
      throw new HttpError(403, 'forbidden', 'Your account does not have permission to do this. Ask a democratic services officer if you need it.');
    }
  };
}

function wantsJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return request.url.startsWith('/api/') || (/application\/(?:[\w.+-]*\+)?json/.test(accept) && !/text\/html/.test(accept));
}
