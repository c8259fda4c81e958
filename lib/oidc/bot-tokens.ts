import type Provider from "oidc-provider";
import type { KoaContextWithOIDC } from "oidc-provider";
import { getOidcSqlite, runWrite, toDbTime } from "./sqlite";
import { API_SCOPES } from "./resource";
import { BOT_SUBJECT_PREFIX } from "./accounts";

type Errors = typeof import("oidc-provider").errors;

type InstallationRow = { id: string; status: string; scopes: string; groupId: string; botUserId: string; clientId: string };

let statements: ReturnType<typeof prepare> | undefined;
function prepare() {
  const db = getOidcSqlite();
  return {
    installation: db.prepare<[string], InstallationRow>(
      `SELECT i.id, i.status, i.scopes, i.groupId, i.botUserId, a.clientId FROM Installation i JOIN App a ON a.id = i.appId WHERE i.id = ?`,
    ),
    touch: db.prepare("UPDATE Installation SET lastBotTokenAt = ?, setupCompletedAt = COALESCE(setupCompletedAt, ?) WHERE id = ?"),
  };
}
const sql = () => (statements ??= prepare());

// Claims a bot token carries: its installation, group and bot subject. Kept
// on the token object until oidc-provider asks for its extra claims.
export type BotClaims = { installation_id: string; group_id: string; sub: string };
export const BOT_CLAIMS = Symbol("tessera.botClaims");

// client_credentials with app_installation_id (the Plane app-authorized
// flow): a short-lived token whose subject is the installation's bot, bound
// to its group, with the group's consented API permissions (or fewer).
export function registerBotTokenGrant(provider: Provider, errors: Errors): void {
  const handler = async (ctx: KoaContextWithOIDC) => {
    const client = ctx.oidc.client!;
    const params = ctx.oidc.params ?? {};
    const installationId = typeof params.app_installation_id === "string" ? params.app_installation_id : "";
    if (!installationId) {
      throw new errors.InvalidRequest("app_installation_id is required: bot tokens are issued for one app installation");
    }
    const installation = sql().installation.get(installationId);
    if (!installation || installation.clientId !== client.clientId) throw new errors.InvalidGrant("unknown app installation");
    if (installation.status !== "INSTALLED") throw new errors.InvalidGrant("the app installation was revoked");

    const ceiling = (JSON.parse(installation.scopes) as string[]).filter((scope) => (API_SCOPES as string[]).includes(scope));
    const requested = typeof params.scope === "string" && params.scope.trim() ? params.scope.split(" ").filter(Boolean) : ceiling;
    const excess = requested.filter((scope) => !ceiling.includes(scope));
    if (excess.length) throw new errors.InvalidScope("requested scope exceeds what the group consented to", excess.join(" "));

    const token = new provider.ClientCredentials({ client, scope: requested.join(" ") || undefined });
    (token as unknown as Record<symbol, BotClaims>)[BOT_CLAIMS] = {
      installation_id: installation.id,
      group_id: installation.groupId,
      sub: `${BOT_SUBJECT_PREFIX}${installation.botUserId}`,
    };
    ctx.oidc.entity("ClientCredentials", token);
    const value = await token.save();
    const now = toDbTime(Date.now());
    await runWrite(() => sql().touch.run(now, now, installation.id));
    ctx.body = { access_token: value, token_type: "Bearer", expires_in: token.expiration, scope: token.scope ?? "" };
  };
  provider.registerGrantType("client_credentials", handler, ["scope", "app_installation_id"]);
}
