import type { Account, KoaContextWithOIDC } from "oidc-provider";
import { getOidcSqlite } from "./sqlite";

export const BOT_SUBJECT_PREFIX = "bot:";

let statements: ReturnType<typeof prepare> | undefined;
function prepare() {
  const db = getOidcSqlite();
  return {
    user: db.prepare<[string], { id: string; name: string; email: string }>("SELECT id, name, email FROM User WHERE id = ?"),
    bot: db.prepare<[string], { id: string; displayName: string; groupId: string }>("SELECT id, displayName, groupId FROM BotUser WHERE id = ?"),
    grantGroup: db.prepare<[string], { groupId: string }>("SELECT groupId FROM AppGrant WHERE grantId = ? AND revokedAt IS NULL"),
    grantScopes: db.prepare<[string], { scopes: string }>("SELECT scopes FROM AppGrant WHERE grantId = ? AND revokedAt IS NULL"),
  };
}
const sql = () => (statements ??= prepare());

type TokenLike = { grantId?: string } | undefined;

// The subject behind a token: a Tessera user, or an app's bot ("bot:<id>",
// which can never collide with a user id). The group chosen on the consent
// screen travels with the grant and is reported as the group_id claim.
export async function findAccount(_ctx: KoaContextWithOIDC, sub: string, token?: unknown): Promise<Account | undefined> {
  const grantId = (token as TokenLike)?.grantId;
  if (sub.startsWith(BOT_SUBJECT_PREFIX)) {
    const bot = sql().bot.get(sub.slice(BOT_SUBJECT_PREFIX.length));
    if (!bot) return undefined;
    return { accountId: sub, claims: () => ({ sub, name: bot.displayName, group_id: bot.groupId }) };
  }
  const user = sql().user.get(sub);
  if (!user) return undefined;
  const groupId = grantId ? sql().grantGroup.get(grantId)?.groupId : undefined;
  return {
    accountId: user.id,
    claims: () => ({ sub: user.id, name: user.name, email: user.email, email_verified: true, ...(groupId ? { group_id: groupId } : {}) }),
  };
}

export function groupIdForGrant(grantId: string | undefined): string | undefined {
  return grantId ? sql().grantGroup.get(grantId)?.groupId : undefined;
}

// Whether the person allowed "Stay connected" (offline_access) for this grant.
export function grantAllowsOfflineAccess(grantId: string | undefined): boolean {
  const row = grantId ? sql().grantScopes.get(grantId) : undefined;
  return !!row && (JSON.parse(row.scopes) as string[]).includes("offline_access");
}
