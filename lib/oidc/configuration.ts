import type { Configuration, KoaContextWithOIDC } from "oidc-provider";
import { SCOPE_IDS } from "@/lib/apps/scopes";
import { OidcAdapter } from "./adapter";
import { findAccount, grantAllowsOfflineAccess, groupIdForGrant } from "./accounts";
import { renderProviderError } from "./error-page";
import { BOT_CLAIMS, type BotClaims } from "./bot-tokens";
import { API_SCOPES, apiResource } from "./resource";

type Keys = { jwks: Configuration["jwks"] extends infer J ? (J extends { keys: infer K } ? K : never) : never; cookieKeys: string[] };

// oidc-provider's configuration: only the code flow (with PKCE S256 required
// of public clients), refresh tokens that rotate on every use, opaque access
// tokens, introspection, revocation, end-session, RFC 8707 resources.
export function buildConfiguration(keys: Keys, errors: { InvalidTarget: new (message: string) => Error }): Configuration {
  return {
    adapter: OidcAdapter,
    findAccount,
    jwks: { keys: keys.jwks },
    cookies: { keys: keys.cookieKeys, long: { signed: true }, short: { signed: true } },
    scopes: [...SCOPE_IDS],
    claims: { openid: ["sub", "group_id"], profile: ["name"], email: ["email", "email_verified"] },
    responseTypes: ["code"],
    clientAuthMethods: ["client_secret_basic", "client_secret_post", "none"],
    clientDefaults: { grant_types: ["authorization_code", "refresh_token"], response_types: ["code"], id_token_signed_response_alg: "RS256" },
    enabledJWA: { idTokenSigningAlgValues: ["RS256", "ES256"] },
    pkce: { required: (_ctx, client) => client.clientAuthMethod === "none" },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      // An app may introspect only the tokens issued to it.
      introspection: { enabled: true, allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId },
      // oidc-provider's default revocation policy already refuses (with
      // invalid_request) a confidential app revoking another app's token.
      revocation: { enabled: true },
      rpInitiatedLogout: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // No default audience: a client that names the API gets a token for
        // it (RFC 8707); one that doesn't gets a token usable at userinfo
        // and at the API alike (what OAuth clients without RFC 8707 expect).
        defaultResource: (ctx: KoaContextWithOIDC) => ctx.oidc.params?.resource as string | undefined,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (resource !== apiResource()) throw new errors.InvalidTarget(`unknown resource ${resource}`);
          return { scope: API_SCOPES.join(" "), audience: apiResource(), accessTokenFormat: "opaque", accessTokenTTL: 3600 };
        },
      },
    },
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 3600,
      Session: 14 * 24 * 3600,
      Grant: 365 * 24 * 3600,
      RefreshToken: 30 * 24 * 3600,
      ClientCredentials: 3600,
    },
    rotateRefreshToken: true,
    // Refresh tokens only when the person allowed "Stay connected" on the
    // consent screen (OIDC strips offline_access from requests without
    // prompt=consent, so the grant's record decides, not the request).
    issueRefreshToken: async (_ctx, client, code) =>
      client.grantTypeAllowed("refresh_token") && (code.scopes.has("offline_access") || grantAllowsOfflineAccess(code.grantId)),
    expiresWithSession: async (_ctx, code) => !code.scopes.has("offline_access") && !grantAllowsOfflineAccess(code.grantId),
    extraTokenClaims: async (_ctx, token) => {
      const bot = (token as unknown as Record<symbol, BotClaims | undefined>)[BOT_CLAIMS];
      if (bot) return bot;
      const groupId = groupIdForGrant((token as { grantId?: string }).grantId);
      return groupId ? { group_id: groupId } : undefined;
    },
    renderError: renderProviderError,
    allowOmittingSingleRegisteredRedirectUri: true,
  };
}
