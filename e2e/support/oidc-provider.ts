import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import Provider, { type Configuration } from 'oidc-provider';

/** The resource (RFC 8707) whose access tokens the platform accepts, and one with 4-second tokens. */
export const API_RESOURCE = 'urn:phoi-hop:api';
export const SHORT_LIVED_RESOURCE = 'urn:phoi-hop:short';
const AUDIENCE = 'phoi-hop';
/** The web client: public (PKCE), and named like the platform's audience, as ID tokens would then match it. */
export const WEB_CLIENT_ID = 'phoi-hop';
const REDIRECT_URI = 'http://127.0.0.1/callback';
/** Roles a provider adds on its own (Keycloak's realm defaults): never the directory's. */
export const PROVIDER_ROLES = ['default-roles-qb', 'offline_access'];

export interface ProviderAccount {
  subject: string;
  preferredUsername: string;
}

export interface SigningKey {
  jwk: JWK & { d?: string };
  kid: string;
}

export async function newSigningKey(kid: string): Promise<SigningKey> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { kid, jwk: { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' } };
}

/**
 * A certified OpenID provider (panva's oidc-provider) in this process: RS256 JWT access tokens
 * for the platform's audience, a public web client that logs users in by authorization code + PKCE
 * (the login and consent pages are answered programmatically), and confidential machine clients
 * with client credentials. It can be stopped and started again on the same port with other keys.
 */
export class TestOidcProvider {
  private server: Server | null = null;
  private port = 0;
  issuer = '';

  constructor(
    private readonly accounts: ProviderAccount[],
    private readonly machineClients: { clientId: string; secret: string }[],
  ) {}

  async start(keys: SigningKey[]): Promise<void> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.issuer = `http://127.0.0.1:${this.port}`;
    const provider = new Provider(this.issuer, this.configuration(keys));
    const callback = provider.callback();
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      if (req.url?.startsWith('/interaction/')) void this.interact(provider, req, res);
      else callback(req, res);
    });
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  /** A user's tokens by authorization code + PKCE, as a browser would get them. */
  async login(subject: string, resource = API_RESOURCE): Promise<{ accessToken: string; idToken: string }> {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const jar = new Map<string, string>();
    const query = new URLSearchParams({
      client_id: WEB_CLIENT_ID,
      response_type: 'code',
      redirect_uri: REDIRECT_URI,
      scope: 'openid profile api',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      resource,
      state: randomBytes(8).toString('hex'),
      // Tells the interaction handler below whom to log in.
      login_hint: subject,
    });
    let location = `${this.issuer}/auth?${query}`;
    for (let hop = 0; hop < 10; hop++) {
      const response = await fetch(location, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
      for (const cookie of response.headers.getSetCookie()) {
        const [pair] = cookie.split(';');
        const [name, ...value] = pair!.split('=');
        jar.set(name!.trim(), value.join('='));
      }
      const next = response.headers.get('location');
      if (!next) throw new Error(`Login stopped at ${location}: HTTP ${response.status} ${await response.text()}`);
      const url = new URL(next, location);
      if (url.href.startsWith(REDIRECT_URI)) {
        const code = url.searchParams.get('code');
        if (!code) throw new Error(`No code: ${url.search}`);
        const tokens = await this.tokenRequest({
          grant_type: 'authorization_code',
          code,
          redirect_uri: REDIRECT_URI,
          code_verifier: verifier,
          client_id: WEB_CLIENT_ID,
          resource,
        });
        return { accessToken: tokens.access_token, idToken: tokens.id_token! };
      }
      location = url.href;
    }
    throw new Error('Too many redirects');
  }

  /** A machine client's access token by client credentials. */
  async clientToken(clientId: string, resource = API_RESOURCE): Promise<string> {
    const client = this.machineClients.find((c) => c.clientId === clientId)!;
    const tokens = await this.tokenRequest(
      { grant_type: 'client_credentials', scope: 'api', resource },
      `Basic ${Buffer.from(`${clientId}:${client.secret}`).toString('base64')}`,
    );
    return tokens.access_token;
  }

  /** A token signed with one of the provider's keys but shaped by the test (claims a real provider would never omit). */
  async forge(key: SigningKey, claims: Record<string, unknown>, typ = 'at+jwt'): Promise<string> {
    return new SignJWT({ iss: this.issuer, aud: AUDIENCE, iat: Math.floor(Date.now() / 1000), ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ })
      .sign(await importJWK(key.jwk, 'RS256'));
  }

  private async tokenRequest(body: Record<string, string>, authorization?: string): Promise<{ access_token: string; id_token?: string }> {
    const response = await fetch(`${this.issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(authorization ? { authorization } : {}) },
      body: new URLSearchParams(body),
    });
    const json = (await response.json()) as { access_token: string; id_token?: string; error?: string; error_description?: string };
    if (!response.ok) throw new Error(`Token request refused: ${json.error}: ${json.error_description}`);
    return json;
  }

  /** The login and consent pages: logs in the account named by login_hint and grants what was asked. */
  private async interact(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const details = await provider.interactionDetails(req, res);
      const accountId = (details.params['login_hint'] as string | undefined) ?? details.session?.accountId;
      if (details.prompt.name === 'login') {
        await provider.interactionFinished(req, res, { login: { accountId: accountId! } }, { mergeWithLastSubmission: false });
        return;
      }
      const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: details.params['client_id'] as string });
      const missing = details.prompt.details as { missingOIDCScope?: string[]; missingResourceScopes?: Record<string, string[]> };
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      for (const [resource, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(resource, scopes.join(' '));
      await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
    } catch (error) {
      res.statusCode = 500;
      res.end(String(error));
    }
  }

  private configuration(keys: SigningKey[]): Configuration {
    const accounts = this.accounts;
    return {
      clients: [
        {
          client_id: WEB_CLIENT_ID,
          token_endpoint_auth_method: 'none',
          redirect_uris: [REDIRECT_URI],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
        ...this.machineClients.map((c) => ({
          client_id: c.clientId,
          client_secret: c.secret,
          grant_types: ['client_credentials'],
          redirect_uris: [],
          response_types: [],
        })),
      ],
      jwks: { keys: keys.map((k) => k.jwk) as Configuration['jwks'] extends { keys: infer K } | undefined ? K : never },
      cookies: { keys: ['phoi-hop-test-cookie-key'] },
      // Access token lives come from the resource server (getResourceServerInfo below).
      ttl: { Interaction: 600, Session: 3600, Grant: 3600, AuthorizationCode: 60, IdToken: 600 },
      claims: { openid: ['sub'], profile: ['preferred_username'] },
      scopes: ['openid', 'profile', 'api'],
      pkce: { required: () => true },
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      findAccount: async (_ctx, sub) => {
        const account = accounts.find((a) => a.subject === sub);
        return account ? { accountId: sub, claims: async () => ({ sub, preferred_username: account.preferredUsername }) } : undefined;
      },
      // What Keycloak or Entra ID put in a user's access token: a username and the provider's own roles.
      // A machine client's token carries neither: only its client id as the subject.
      extraTokenClaims: async (_ctx, token) => {
        const account = accounts.find((a) => a.subject === (token as { accountId?: string }).accountId);
        return account ? { roles: PROVIDER_ROLES, preferred_username: account.preferredUsername } : undefined;
      },
      features: {
        devInteractions: { enabled: false },
        clientCredentials: { enabled: true },
        resourceIndicators: {
          enabled: true,
          defaultResource: () => API_RESOURCE,
          useGrantedResource: () => true,
          getResourceServerInfo: (_ctx, resource) => {
            if (resource !== API_RESOURCE && resource !== SHORT_LIVED_RESOURCE) throw new Error(`Unknown resource ${resource}`);
            return {
              scope: 'api',
              audience: AUDIENCE,
              accessTokenFormat: 'jwt',
              accessTokenTTL: resource === SHORT_LIVED_RESOURCE ? 4 : 600,
              jwt: { sign: { alg: 'RS256' } },
            };
          },
        },
      },
    };
  }
}
