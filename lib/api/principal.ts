import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { sortScopes, type ScopeId } from "@/lib/apps/scopes";
import { stringList } from "@/lib/apps/view";
import { recordApiUse } from "./last-used";

// Who calls the Tessera API with a bearer token, in which group, with which
// effective permissions. Re-derived from the database on every call, so
// removing the member, the consent, or the app takes effect at once.
export type ApiPrincipal = {
  actor: { kind: "user"; userId: string } | { kind: "bot"; botUserId: string; name: string };
  groupId: string;
  installationId: string;
  appId: string;
  clientId: string;
  scopes: ReadonlySet<ScopeId>;
};

// What a valid, unexpired access token says (read by lib/oidc).
export type TokenFacts =
  | { kind: "user"; userId: string; grantId: string; clientId: string; scopes: string[] }
  | { kind: "bot"; installationId: string; clientId: string; scopes: string[] };

const READ_ONLY: ReadonlySet<string> = new Set(["projects:write", "work_items:write"]);

export const invalidToken = (why: string) => new AppError("UNAUTHENTICATED", why, { oauth_error: "invalid_token" });

// Effective permissions = token scopes ∩ the group's consented ceiling ∩ what
// the user's role allows (a viewer never writes, whatever the app may do).
export async function resolvePrincipal(facts: TokenFacts): Promise<ApiPrincipal> {
  const db = getDb();
  const installation =
    facts.kind === "user"
      ? (await db.appGrant.findFirst({ where: { grantId: facts.grantId, revokedAt: null }, include: { installation: { include: { app: true, bot: true } } } }))
          ?.installation
      : await db.installation.findUnique({ where: { id: facts.installationId }, include: { app: true, bot: true } });
  if (!installation || installation.status !== "INSTALLED") throw invalidToken("The app's consent for this group was removed");
  if (installation.app.clientId !== facts.clientId || installation.app.status !== "ACTIVE") throw invalidToken("The app is no longer active");

  const ceiling = new Set(stringList(installation.scopes));
  let scopes = facts.scopes.filter((scope) => ceiling.has(scope));
  let actor: ApiPrincipal["actor"];
  if (facts.kind === "user") {
    const membership = await db.membership.findUnique({ where: { userId_groupId: { userId: facts.userId, groupId: installation.groupId } } });
    if (!membership) throw invalidToken("The user is no longer a member of the group");
    if (membership.role === "VIEWER") scopes = scopes.filter((scope) => !READ_ONLY.has(scope));
    actor = { kind: "user", userId: facts.userId };
  } else {
    actor = { kind: "bot", botUserId: installation.botUserId, name: installation.bot.displayName };
  }
  recordApiUse(installation.id, facts.kind === "user" ? facts.grantId : undefined);
  return {
    actor,
    groupId: installation.groupId,
    installationId: installation.id,
    appId: installation.appId,
    clientId: facts.clientId,
    scopes: new Set(sortScopes(scopes)),
  };
}

// Refuses a call whose token lacks a permission (RFC 6750 insufficient_scope).
export function requireScope(principal: ApiPrincipal, scope: ScopeId): void {
  if (!principal.scopes.has(scope)) {
    throw new AppError("FORBIDDEN", `This token does not allow ${scope} in this group`, { oauth_error: "insufficient_scope", scope });
  }
}
