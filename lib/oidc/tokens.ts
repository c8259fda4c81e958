import type { TokenFacts } from "@/lib/api/principal";
import { getProvider } from "./provider";
import { apiResource } from "./resource";

// What a bearer token means, or null when it is unknown, expired, revoked,
// or meant for another audience. Access tokens of users carry their grant
// (whose group the consent screen chose); client-credentials tokens carry
// the app installation they were issued for.
export async function findAccessTokenFacts(token: string): Promise<TokenFacts | null> {
  const provider = await getProvider();
  const accessToken = await provider.AccessToken.find(token);
  if (accessToken && !accessToken.isExpired) {
    if (!isForApi(accessToken.aud)) return null;
    if (!accessToken.accountId || !accessToken.grantId) return null;
    // A token outlives nothing of its grant: once the grant is gone (a
    // replayed code or refresh token, a revocation) the token is dead.
    if (!(await provider.Grant.find(accessToken.grantId))) return null;
    return { kind: "user", userId: accessToken.accountId, grantId: accessToken.grantId, clientId: accessToken.clientId!, scopes: scopesOf(accessToken.scope) };
  }
  const botToken = await provider.ClientCredentials.find(token);
  if (botToken && !botToken.isExpired) {
    const installationId = (botToken.extra as { installation_id?: string } | undefined)?.installation_id;
    if (!installationId || !isForApi(botToken.aud)) return null;
    return { kind: "bot", installationId, clientId: botToken.clientId!, scopes: scopesOf(botToken.scope) };
  }
  return null;
}

function isForApi(audience: string | string[] | undefined): boolean {
  if (audience === undefined) return true;
  return (Array.isArray(audience) ? audience : [audience]).includes(apiResource());
}

const scopesOf = (scope: string | undefined) => (scope ?? "").split(" ").filter(Boolean);
