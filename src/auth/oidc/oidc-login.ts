import { hkdfSync } from 'node:crypto';
import * as client from 'openid-client';
import { AppError } from '../../domain/errors.ts';
import type { AccountRepository } from '../account.repository.ts';
import type { AuthService } from '../auth.service.ts';
import { openPendingLogin, type PendingLogin, sealPendingLogin } from './signed-state.ts';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Label of the login button (« ProConnect »). */
  libelle: string;
  /** `ODTS_PUBLIC_URL`: the provider sends the browser back to `${publicUrl}/api/auth/oidc/retour`. */
  publicUrl: string;
}

const PENDING_MS = 10 * 60_000;

/** French reasons for a refused OpenID Connect login; the web page shows them on /connexion. */
export const OIDC_REFUSALS = {
  expired: 'La connexion a expiré ou a été interrompue : recommencez.',
  provider:
    'Connexion impossible avec le fournisseur d’identité : recommencez ou utilisez votre mot de passe.',
  noEmail: 'Le fournisseur d’identité n’a pas transmis d’adresse électronique vérifiée.',
  noAccount: (email: string) =>
    `Aucun compte actif de l’Observatoire ne correspond à l’adresse ${email} : demandez à un administrateur de vous en créer un.`,
  denied: (code: string) => `Connexion refusée par le fournisseur d’identité (${code}).`,
} as const;

/**
 * The key that seals pending logins, derived from the client secret every server of a deployment shares:
 * the provider may send the browser back to another server than the one that started the login (several
 * servers behind a load balancer, or a restart in between), which must still recognise the cookie. The
 * secret never leaves the servers, and changing it voids the logins in progress, as it should.
 */
export function pendingLoginKey(
  settings: Pick<OidcSettings, 'issuer' | 'clientId' | 'clientSecret'>,
): Buffer {
  const context = `odts oidc pending login\n${settings.issuer}\n${settings.clientId}`;
  return Buffer.from(hkdfSync('sha256', settings.clientSecret, context, 'pending-login', 32));
}

/** A refusal to show the person, as opposed to a fault of the server. */
export class OidcRefusal extends Error {}

/** Local providers (tests, development) may speak plain HTTP; any other must use HTTPS. */
const isLocal = (url: URL) => ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);

/**
 * Login through an OpenID Connect provider (ProConnect…), authorization code flow with PKCE, state and
 * nonce. It only recognises people: the e-mail the provider vouches for must be an existing active
 * account, none is ever created here.
 */
export class OidcLogin {
  private configuration: Promise<client.Configuration> | null = null;
  /** Signs the pending-login cookie, the same on every server of one deployment (see pendingLoginKey). */
  private readonly key: Buffer;

  constructor(
    readonly settings: OidcSettings,
    private readonly repo: AccountRepository,
    private readonly auth: AuthService,
  ) {
    this.key = pendingLoginKey(settings);
  }

  get redirectUri(): string {
    return `${this.settings.publicUrl}/api/auth/oidc/retour`;
  }

  /** Discovered once, again after a failure (the provider may have been down at start-up). */
  private config(): Promise<client.Configuration> {
    if (!this.configuration) {
      const issuer = new URL(this.settings.issuer);
      this.configuration = client
        .discovery(
          issuer,
          this.settings.clientId,
          this.settings.clientSecret,
          undefined,
          isLocal(issuer) && issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : {},
        )
        .catch((e: unknown) => {
          this.configuration = null;
          throw e;
        });
    }
    return this.configuration;
  }

  /** Where to send the browser, and the sealed pending login to keep in a cookie meanwhile. */
  async start(): Promise<{ url: string; sealed: string }> {
    let config: client.Configuration;
    try {
      config = await this.config();
    } catch {
      throw new AppError('unavailable', 'Fournisseur d’identité injoignable : réessayez plus tard');
    }
    const pending: PendingLogin = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
      expires: Date.now() + PENDING_MS,
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: 'openid email',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, sealed: sealPendingLogin(this.key, pending) };
  }

  /** Checks the provider's answer and opens a session for the matching account, or throws an OidcRefusal. */
  async finish(query: URLSearchParams, sealed: string | undefined) {
    const error = query.get('error');
    if (error) throw new OidcRefusal(OIDC_REFUSALS.denied(error.slice(0, 60)));
    const pending = openPendingLogin(this.key, sealed);
    if (!pending) throw new OidcRefusal(OIDC_REFUSALS.expired);
    const email = await this.vouchedEmail(query, pending);
    const user = await this.repo.findUserByEmail(email);
    if (!user?.actif) throw new OidcRefusal(OIDC_REFUSALS.noAccount(email));
    await this.repo.clearFailures(user.id);
    return this.auth.openSession(user);
  }

  private async vouchedEmail(query: URLSearchParams, pending: PendingLogin): Promise<string> {
    let claims: Record<string, unknown>;
    try {
      const config = await this.config();
      const tokens = await client.authorizationCodeGrant(config, new URL(`${this.redirectUri}?${query}`), {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = { ...(tokens.claims() ?? {}) };
      // Many providers put the e-mail in the user info only.
      if (typeof claims.email !== 'string') {
        const sub = String(claims.sub);
        claims = { ...claims, ...(await client.fetchUserInfo(config, tokens.access_token, sub)) };
      }
    } catch {
      throw new OidcRefusal(OIDC_REFUSALS.provider);
    }
    if (typeof claims.email !== 'string' || claims.email_verified === false) {
      throw new OidcRefusal(OIDC_REFUSALS.noEmail);
    }
    return claims.email;
  }
}
