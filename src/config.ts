import path from 'node:path';
import { z } from 'zod';
import { JURISDICTIONS } from './domain/bank-holidays.ts';

/**
 * Configuration, read once at start-up from the environment and validated.
 * Nothing deeper in the code reads process.env: this object is passed down.
 */
export const ConfigSchema = z
  .object({
    /** postgres://... to use a PostgreSQL server; unset for the embedded engine. */
    databaseUrl: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    /**
     * postgres://... of a read replica of DATABASE_URL: anonymous public pages and open data are read from it, everything
     * else from DATABASE_URL (docs/scaling.md). Needs DATABASE_URL.
     */
    databaseReplicaUrl: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    /** Folder of the embedded database (PGlite). */
    dataDir: z.string().min(1),
    /** Folder of papers imported on first start when the database is empty. */
    papersDir: z.string().min(1),
    port: z.coerce.number().int().min(0).max(65535),
    host: z.string().min(1),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    /** The authority whose papers this instance holds, until the back office lets officers set it. */
    authorityName: z.string().min(1),
    /** Months from a scrutiny meeting to the executive's response deadline (statutory default: two). Optional so fixtures may omit it. */
    scrutinyResponseMonths: z.coerce.number().int().min(1).max(24).optional(),
    /** Whose bank holidays count out of clear working days (LGA 1972 s.100B): England and Wales, Scotland or Northern Ireland. */
    holidays: z.enum(JURISDICTIONS, `must be one of ${JURISDICTIONS.join(', ')}`),
    /**
     * The council's own rules for its registers (its constitution and code of conduct): the gifts and hospitality
     * threshold in pounds, the months after which a member's register is due for review, and the working days of the
     * call-in period. Unset: the defaults in src/domain/council-rules.ts.
     */
    registerRules: z
      .object({
        giftThresholdPounds: z.coerce.number().int().min(0).max(10_000).optional(),
        interestReviewMonths: z.coerce.number().int().min(1).max(60).optional(),
        callInWorkingDays: z.coerce.number().int().min(0).max(30).optional(),
      })
      .optional(),
    /** smtp://user:pass@host:port for reminder emails; unset: reminders cannot be sent. */
    smtpUrl: z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
    /** The From address of emails Quorum sends. */
    mailFrom: z.string().min(3).optional(),
    /** The public base URL (scheme, host, optional path) that absolute links in the open data APIs start with. Optional so fixtures may omit it. */
    publicUrl: z.url({ protocol: /^https?$/ }).optional(),
    /** The licence of the published data (OParl System and Body `license`): Open Government Licence v3.0 unless set. */
    dataLicense: z.url({ protocol: /^https?$/ }).optional(),
    /** Whom users of the open data write to (OParl System and Body `contactEmail`); unset: not published. */
    contactEmail: z.email().optional(),
    /** Sign-in with the council's identity provider over OpenID Connect; unset: email and password only. */
    oidc: z
      .object({
        issuer: z
          .url({ protocol: /^https?$/ })
          .refine(
            (value) => value.startsWith('https:') || /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/|$)/.test(value),
            'must be an https:// URL (http:// only for localhost)',
          ),
        clientId: z.string().min(1, 'must be set with QUORUM_OIDC_ISSUER'),
        clientSecret: z.string().min(1, 'must be set with QUORUM_OIDC_ISSUER'),
        /** The provider's name on the sign-in button, e.g. "your council account". */
        label: z.string().min(1),
      })
      .optional(),
    /**
     * Behind a load balancer or reverse proxy: which hops to believe about the visitor's address (X-Forwarded-For), so
     * per-address limits count visitors, not the proxy. A number of proxies in front, or their addresses/CIDR ranges.
     */
    trustProxy: z
      .union([
        z.number().int().min(1, 'must be at least 1').max(10, 'must be at most 10'),
        z.array(z.string().regex(/^[0-9A-Fa-f:.]+(\/\d{1,3})?$/, 'must be a number of proxies, or IP addresses or CIDR ranges separated by commas')).min(1),
      ])
      .optional(),
  })
  .superRefine((config, context) => {
    if (config.databaseReplicaUrl && !config.databaseUrl) {
      context.addIssue({
        code: 'custom',
        path: ['databaseReplicaUrl'],
        message: 'needs DATABASE_URL (a replica of a PostgreSQL server; the embedded engine has none)',
      });
    }
  });
export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {}

/** UK public sector information is published under the Open Government Licence unless the council says otherwise. */
export const OPEN_GOVERNMENT_LICENCE = 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/';

/** Reads the environment into a Config, failing with one line per bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const raw = {
    databaseUrl: env.DATABASE_URL || undefined,
    databaseReplicaUrl: env.DATABASE_REPLICA_URL || undefined,
    dataDir: path.resolve(cwd, env.QUORUM_DATA_DIR || './data'),
    papersDir: path.resolve(cwd, env.QUORUM_PAPERS || '../shared/seeds'),
    port: env.PORT ?? 3000,
    host: env.HOST || 'localhost',
    logLevel: env.LOG_LEVEL || 'info',
    authorityName: env.QUORUM_AUTHORITY || 'Kent County Council',
    scrutinyResponseMonths: env.QUORUM_SCRUTINY_RESPONSE_MONTHS || 2,
    holidays: env.QUORUM_HOLIDAYS || 'england-and-wales',
    smtpUrl: env.QUORUM_SMTP_URL || undefined,
    mailFrom: env.QUORUM_MAIL_FROM || 'Quorum <quorum@localhost>',
    publicUrl: env.QUORUM_PUBLIC_URL || `http://localhost:${env.PORT ?? 3000}`,
    dataLicense: env.QUORUM_DATA_LICENSE || OPEN_GOVERNMENT_LICENCE,
    contactEmail: env.QUORUM_CONTACT_EMAIL || undefined,
    registerRules: {
      giftThresholdPounds: env.QUORUM_GIFT_THRESHOLD || undefined,
      interestReviewMonths: env.QUORUM_INTEREST_REVIEW_MONTHS || undefined,
      callInWorkingDays: env.QUORUM_CALL_IN_WORKING_DAYS || undefined,
    },
    trustProxy: !env.QUORUM_TRUST_PROXY
      ? undefined
      : /^\d+$/.test(env.QUORUM_TRUST_PROXY.trim())
        ? Number(env.QUORUM_TRUST_PROXY.trim())
        : env.QUORUM_TRUST_PROXY.split(',')
            .map((part) => part.trim())
            .filter(Boolean),
    oidc:
      env.QUORUM_OIDC_ISSUER || env.QUORUM_OIDC_CLIENT_ID || env.QUORUM_OIDC_CLIENT_SECRET
        ? {
            issuer: env.QUORUM_OIDC_ISSUER ?? '',
            clientId: env.QUORUM_OIDC_CLIENT_ID ?? '',
            clientSecret: env.QUORUM_OIDC_CLIENT_SECRET ?? '',
            label: env.QUORUM_OIDC_LABEL || 'your council account',
          }
        : undefined,
  };
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const names: Record<string, string> = {
      databaseUrl: 'DATABASE_URL',
      databaseReplicaUrl: 'DATABASE_REPLICA_URL',
      trustProxy: 'QUORUM_TRUST_PROXY',
      dataDir: 'QUORUM_DATA_DIR',
      papersDir: 'QUORUM_PAPERS',
      port: 'PORT',
      host: 'HOST',
      logLevel: 'LOG_LEVEL',
      authorityName: 'QUORUM_AUTHORITY',
      scrutinyResponseMonths: 'QUORUM_SCRUTINY_RESPONSE_MONTHS',
      holidays: 'QUORUM_HOLIDAYS',
      'registerRules.giftThresholdPounds': 'QUORUM_GIFT_THRESHOLD',
      'registerRules.interestReviewMonths': 'QUORUM_INTEREST_REVIEW_MONTHS',
      'registerRules.callInWorkingDays': 'QUORUM_CALL_IN_WORKING_DAYS',
      smtpUrl: 'QUORUM_SMTP_URL',
      mailFrom: 'QUORUM_MAIL_FROM',
      publicUrl: 'QUORUM_PUBLIC_URL',
      dataLicense: 'QUORUM_DATA_LICENSE',
      contactEmail: 'QUORUM_CONTACT_EMAIL',
      'oidc.issuer': 'QUORUM_OIDC_ISSUER',
      'oidc.clientId': 'QUORUM_OIDC_CLIENT_ID',
      'oidc.clientSecret': 'QUORUM_OIDC_CLIENT_SECRET',
      'oidc.label': 'QUORUM_OIDC_LABEL',
    };
    const lines = parsed.error.issues.map((issue) => {
      const key = issue.path.map(String).join('.');
      return `${names[key] ?? names[String(issue.path[0])] ?? key}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return parsed.data;
}
