/**
 * The public web app: GOV.UK-styled pages of meetings, rendered on the server so they work without JavaScript.
 * Routes stay thin (validate params, query, present, render); SQL lives in src/db/queries, wording in presenters.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import nunjucks from 'nunjucks';
import { ZodError } from 'zod';
import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../db/engine.ts';
import { asHttpError, HttpError, isQuorumError, NotFound } from '../http/errors.ts';
import { answerClientError, frameworkError, wantsJsonFor } from './client-errors.ts';
import { FEATURES } from './features.ts';
import { useCompression } from './compression.ts';
import { DEFAULT_REQUEST_LIMITS, type RequestLimits, useRequestLimits } from './request-limits.ts';
import { linkTo, ROUTES } from '../http/routes.ts';
import { DEFAULT_LANGUAGE, useLanguage } from '../http/language.ts';
import { languageLinksOf } from '../http/language-links.ts';
import { formatNumber, t, translatePagination, translatorFor } from '../web/i18n/index.ts';
import { templateLoaders } from '../web/shared/template-loaders.ts';

declare module 'fastify' {
  interface FastifyReply {
    /** Renders a Nunjucks view with the layout's globals (CSP nonce, service name, authority) as HTML. */
    view(template: string, context?: Record<string, unknown>): string;
  }
}

export interface CreateAppOptions {
  config: Config;
  /** Owned by the caller: closing the app does not close it. */
  database: DatabaseHandle;
  /** false to silence request logs (tests); an object to extend the pino options. Default: pino at config.logLevel. */
  logger?: boolean | object;
  /** A request's statement time limit and the slow-request log's threshold; DEFAULT_REQUEST_LIMITS when absent. */
  requestLimits?: RequestLimits;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const webDir = path.join(here, '../web');
const publicDir = path.join(here, '../web/public');
const govukDist = path.join(path.dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')), 'dist');
const govukDir = path.join(govukDist, 'govuk');

/** Only the compiled CSS and JS leave /govuk; the Sass and template sources beside them are not the public's business. */
const GOVUK_PUBLIC_FILES = new Set(['/govuk-frontend.min.css', '/govuk-frontend.min.css.map', '/govuk-frontend.min.js', '/govuk-frontend.min.js.map']);

export async function createApp(options: CreateAppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const logger = options.logger === false ? false : { level: config.logLevel, ...(typeof options.logger === 'object' ? options.logger : {}) };
  // A number of proxies means the nearest that many hops are believed (as proxy-addr counts them).
  const hops = config.trustProxy;
  const trustProxy = typeof hops === 'number' ? (_address: string, hop: number) => hop < hops : (hops ?? false);
  const app = Fastify({
    logger,
    trustProxy,
    // Errors found before any route runs (a path parameter too long, a malformed URL) get the standard shape too.
    frameworkErrors: (error, request, reply) => sendError(request, reply, frameworkError(error)),
    // And those Node answers before Fastify sees a request (headers too large, a request that cannot be parsed).
    clientErrorHandler: (error, socket) => answerClientError(error, socket, (httpError) => errorPage(httpError)),
  });

  useRequestLimits(app, options.requestLimits ?? DEFAULT_REQUEST_LIMITS);
  // Before the features' hooks: the page cache keys on the language.
  useLanguage(app);
  // Before any route, so every route gets it, and after every cache's ETag (src/server/compression.ts says why).
  await useCompression(app);

  const views = new nunjucks.Environment(templateLoaders(webDir, govukDist), {
    autoescape: true,
    throwOnUndefined: false,
  });
  views.addGlobal('linkTo', linkTo);
  // Macros imported from another template do not see the page's context; they find `t` here, in the request's
  // language (src/http/language.ts). A page's own `t` in its context is the same translator.
  views.addGlobal('t', t);
  views.addGlobal('formatNumber', (value: number) => formatNumber(value));

  await app.register(helmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // helmet appends the per-request nonce; it admits the govuk template's inline js-enabled script and our module init.
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Pages link to council papers hosted elsewhere; send only the origin with them.
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });

  await app.register(fastifyStatic, { root: path.join(govukDir, 'assets'), prefix: '/assets/', index: false, maxAge: '1d' });
  await app.register(fastifyStatic, {
    root: govukDir,
    prefix: '/govuk/',
    index: false,
    decorateReply: false,
    maxAge: '1d',
    allowedPath: (pathName) => GOVUK_PUBLIC_FILES.has(pathName),
  });
  await app.register(fastifyStatic, { root: publicDir, prefix: '/public/', index: false, decorateReply: false, maxAge: '1d' });

  /** The layout's globals; without a reply (an error answered before any request was read) there is no user or form. */
  function pageGlobals(reply: FastifyReply | undefined): Record<string, unknown> {
    const nonce = (reply as (FastifyReply & { cspNonce?: { script: string } | null }) | undefined)?.cspNonce?.script;
    const language = reply?.request.language ?? DEFAULT_LANGUAGE;
    const request = reply?.request;
    return {
      cspNonce: nonce,
      // The interface language (src/http/language.ts): <html lang>, the words (t), numbers, the switch and hreflang.
      htmlLang: language,
      language,
      t: translatorFor(language),
      paginate: (pagination: Parameters<typeof translatePagination>[0]) => translatePagination(pagination, translatorFor(language)),
      formatNumber: (value: number) => formatNumber(value, language),
      languageLinks: request ? languageLinksOf(request.routeOptions.url, request.url, language) : [],
      publicUrl: (config.publicUrl ?? '').replace(/\/$/, ''),
      assetPath: '/assets',
      serviceName: 'Quorum',
      serviceUrl: linkTo('home'),
      authorityName: config.authorityName,
      // The signed-in account (src/web/auth/plugin.ts) and a CSRF token, made only when a page has a form.
      currentUser: reply?.request.user ?? null,
      csrfToken: () => reply?.generateCsrf() ?? '',
    };
  }

  function render(reply: FastifyReply, template: string, context: Record<string, unknown>): string {
    reply.type('text/html; charset=utf-8');
    return views.render(template, { ...pageGlobals(reply), ...context });
  }

  function errorPage(error: HttpError, reply?: FastifyReply): string {
    const template = error.statusCode === 404 ? 'not-found.njk' : 'error.njk';
    return views.render(template, { ...pageGlobals(reply), error: { status: error.statusCode, id: error.id, message: error.message } });
  }

  // Says only whether Quorum can serve: which database engine it runs on is nobody else's business.
  app.get(ROUTES.healthz, async (_request, reply) => {
    if (await database.healthy()) return { status: 'ok' };
    reply.log.error('health check: the database did not answer');
    return reply.code(503).send({ status: 'error', error: { id: 'service_unavailable', status: 503, message: 'Quorum cannot serve requests just now' } });
  });

  app.decorateReply('view', function (this: FastifyReply, template: string, context: Record<string, unknown> = {}) {
    return render(this, template, context);
  });

  app.setNotFoundHandler(async (request, reply) => {
    return sendError(request, reply, asHttpError(NotFound()));
  });

  app.setErrorHandler(async (error, request, reply) => {
    if (isQuorumError(error)) return sendError(request, reply, asHttpError(error));
    // A malformed multipart body (no boundary, cut short, a broken part header): busboy's plain Errors, the client's fault.
    if (error instanceof Error && /^(?:Multipart: Boundary not found|Unexpected end of (?:form|file)|Malformed part header)/.test(error.message)) {
      return sendError(request, reply, new HttpError(400, 'bad_request', `The form could not be read: ${error.message}`));
    }
    // A route's zod parse of its parameters or query (IdParams.parse, ...) that fails is a bad request, not our fault.
    if (error instanceof ZodError) {
      const message = error.issues.map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`).join('; ');
      return sendError(request, reply, new HttpError(400, 'bad_request', message || 'Invalid request'));
    }
    const statusCode = (error as { statusCode?: number }).statusCode;
    // Fastify's own client errors (bad JSON, body too large) keep their status; anything else is our fault.
    if (statusCode && statusCode >= 400 && statusCode < 500) {
      return sendError(request, reply, new HttpError(statusCode, 'bad_request', (error as Error).message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(request, reply, new HttpError(500, 'internal_error', 'Sorry, there is a problem with the service'));
  });

  function sendError(request: FastifyRequest, reply: FastifyReply, error: HttpError) {
    reply.code(error.statusCode);
    if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
    if (wantsJson(request))
      return reply.type('application/json; charset=utf-8').send({ error: { id: error.id, status: error.statusCode, message: error.message } });
    try {
      return reply.type('text/html; charset=utf-8').send(errorPage(error, reply));
    } catch (renderError) {
      // A broken template must not turn one error into a crash loop; plain text still tells the user something.
      request.log.error({ err: renderError }, 'error page failed to render');
      return reply.type('text/plain; charset=utf-8').send(error.message);
    }
  }

  // PostgreSQL text cannot hold U+0000: a NUL in a parameter, query or form field is refused here with a 400, not
  // passed on to fail in the database as a 500 (found by test/fuzz/http.fuzz.test.ts).
  app.addHook('preValidation', async (request) => {
    if (holdsNul(request.params) || holdsNul(request.query) || holdsNul(request.body)) {
      throw new HttpError(400, 'bad_request', 'The request contains a NUL character, which no field may hold');
    }
  });

  // Each capability registers its own routes (src/server/features.ts) after the error handlers, so that they inherit them.
  for (const feature of FEATURES) await app.register(feature, { config, database });

  return app;
}

/** JSON for API clients and scripts that ask for it; browsers send text/html first and get a page. */
function wantsJson(request: FastifyRequest): boolean {
  return wantsJsonFor(request.headers.accept);
}

/** Whether a parsed request part holds a string with U+0000 (uploaded files' bytes are not looked at). */
function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 8 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return false;
  if (Array.isArray(value)) return value.some((item) => holdsNul(item, depth + 1));
  return Object.entries(value as Record<string, unknown>).some(([key, item]) => key.includes('\u0000') || holdsNul(item, depth + 1));
}
