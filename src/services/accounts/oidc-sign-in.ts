/**
 * Sign-in with the council's identity provider over OpenID Connect (authorization code flow with PKCE, state and
 * nonce). The provider proves who the person is; Quorum decides what they may do: a provider subject signs in the
 * account it was linked to, and the first time, the account whose email address the provider says it has verified.
 * Nobody gets an account by signing in: democratic services create accounts and give roles, as for passwords.
 */
import { randomUUID } from 'node:crypto';
import * as client from 'openid-client';
import type { Config } from '../../config.ts';
import type { DatabaseHandle } from '../../db/engine.ts';
import * as accounts from '../../db/repositories/accounts.ts';
import type { SessionUser } from '../../domain/roles.ts';
import { hashSecret } from './credentials.ts';
import { sessionStarter } from './sign-in.ts';
import { toSessionUser } from './session-user.ts';
import { SYSTEM, writeOperation } from '../write-operation.ts';

type OidcConfig = NonNullable<Config['oidc']>;

/** How long a person has at the provider before the begun sign-in is forgotten. */
const SIGN_IN_MINUTES = 10;

export type OidcFinishResult =
  | { ok: true; user: SessionUser; sessionToken: string; expiresAt: Date; next: string | null }
  | { ok: false; reason: 'expired' | 'provider' | 'unverified-email' | 'no-account' | 'disabled'; email?: string; detail?: string };

export interface OidcSignIn {
  /** The provider's name for the sign-in button. */
  label: string;
  /** Begins a sign-in: where to send the browser, and the state the browser must bring back (kept in a cookie). */
  begin(next: string | null, now?: Date): Promise<{ authorizationUrl: string; state: string }>;
  /** Finishes a sign-in from the provider's redirect back to Quorum. */
  finish(callbackUrl: URL, stateFromBrowser: string | undefined, now?: Date): Promise<OidcFinishResult>;
}

export function oidcSignIn(props: { database: DatabaseHandle; oidc: OidcConfig; redirectUri: string }): OidcSignIn {
  const { database, oidc, redirectUri } = props;
  let discovered: Promise<client.Configuration> | undefined;
  // Discovered on first use, not at start-up: a provider that is down must not stop the portal from starting.
  const configuration = () => {
    discovered ??= client
      .discovery(new URL(oidc.issuer), oidc.clientId, oidc.clientSecret, undefined, {
        execute: oidc.issuer.startsWith('http:') ? [client.allowInsecureRequests] : [],
      })
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  };

  return {
    label: oidc.label,

    async begin(next, now = new Date()) {
      const config = await configuration();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const codeVerifier = client.randomPKCECodeVerifier();
      await accounts.insertOidcSignIn(
        database.db,
        { state_hash: hashSecret(state), code_verifier: codeVerifier, nonce, next, expires_at: new Date(now.getTime() + SIGN_IN_MINUTES * 60_000) },
        now,
      );
      const authorizationUrl = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid email profile',
        state,
        nonce,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
      });
      return { authorizationUrl: authorizationUrl.href, state };
    },

    async finish(callbackUrl, stateFromBrowser, now = new Date()) {
      const state = callbackUrl.searchParams.get('state');
      // The state must come back both from the provider and from this browser's cookie: a link that someone else
      // began cannot sign this browser in as them.
      if (!state || !stateFromBrowser || state !== stateFromBrowser) return { ok: false, reason: 'expired' };
      const begun = await accounts.takeOidcSignIn(database.db, hashSecret(state), now);
      if (!begun) return { ok: false, reason: 'expired' };

      let issuer: string;
      let subject: string;
      let profile: { email?: unknown; email_verified?: unknown };
      try {
        const config = await configuration();
        const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: begun.code_verifier,
          expectedState: state,
          expectedNonce: begun.nonce,
          idTokenExpected: true,
        });
        const claims = tokens.claims()!;
        issuer = claims.iss;
        subject = claims.sub;
        // Many providers put the email claims in the ID token; the rest (as the specification prefers when an access
        // token is issued) only at the UserInfo endpoint, which must answer for the same subject.
        profile =
          typeof claims.email === 'string'
            ? { email: claims.email, email_verified: claims.email_verified }
            : await client.fetchUserInfo(config, tokens.access_token, subject);
      } catch (error) {
        return { ok: false, reason: 'provider', detail: (error as Error).message };
      }
      const email = typeof profile.email === 'string' ? profile.email.trim() : undefined;
      const emailVerified = profile.email_verified === true;
      return writeOperation({ db: database.db, actor: SYSTEM }, async ({ trx, actAs }): Promise<OidcFinishResult> => {
        let account = await accounts.findAccountByIdentity(trx, issuer, subject);
        if (!account) {
          if (!email) return { ok: false, reason: 'no-account' };
          if (!emailVerified) return { ok: false, reason: 'unverified-email', email };
          account = await accounts.findAccountByEmail(trx, email);
          if (!account) return { ok: false, reason: 'no-account', email };
          if (account.disabled_at) return { ok: false, reason: 'disabled', email };
          await actAs(toSessionUser(account));
          await accounts.insertAccountIdentity(trx, { id: `account-identity-${randomUUID()}`, account_id: account.id, issuer, subject, email_at_link: email });
        }
        if (account.disabled_at) return { ok: false, reason: 'disabled', email: account.email };
        // A provider sign-in proves the person: strangers' wrong passwords (src/domain/accounts/attempt-throttle.ts) never stop it.
        return { ok: true, user: toSessionUser(account), ...(await sessionStarter(trx, account.id, now)), next: begun.next };
      });
    },
  };
}
