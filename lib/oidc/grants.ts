import { getDb } from "@/lib/db";
import { recordAuditEvent } from "@/lib/audit/mutations";
import { sortScopes, type ScopeId } from "@/lib/apps/scopes";
import { stringList, publisherOf } from "@/lib/apps/view";
import { notFound } from "@/lib/errors";
import { destroyGrantState, installationTokenKey } from "./adapter";
import { getOidcSqlite } from "./sqlite";

type Tx = Pick<ReturnType<typeof getDb>, "appGrant">;

// Marks the grants of these installations revoked (inside the caller's
// transaction) and returns their ids for endGrantTokens once it commits.
export async function revokeGrantsOfInstallations(tx: Tx, installationIds: string[]): Promise<string[]> {
  if (installationIds.length === 0) return [];
  // The installation's bot tokens end with it, under the same key scheme.
  const grants = await tx.appGrant.findMany({ where: { installationId: { in: installationIds }, revokedAt: null }, select: { grantId: true } });
  await tx.appGrant.updateMany({ where: { installationId: { in: installationIds }, revokedAt: null }, data: { revokedAt: new Date() } });
  return [...grants.map((grant) => grant.grantId), ...installationIds.map(installationTokenKey)];
}

// Ends every code, access and refresh token (and the grant) at once. Runs
// after the database transaction that revoked them has committed.
export async function endGrantTokens(grantIds: string[]): Promise<void> {
  for (const grantId of grantIds) await destroyGrantState(grantId);
}

export async function endGrantsOfApp(appId: string): Promise<void> {
  const [grants, installations] = await Promise.all([
    getDb().appGrant.findMany({ where: { appId }, select: { grantId: true } }),
    getDb().installation.findMany({ where: { appId }, select: { id: true } }),
  ]);
  await endGrantTokens([...grants.map((grant) => grant.grantId), ...installations.map((row) => installationTokenKey(row.id))]);
}

export type ConnectedApp = {
  grantId: string;
  app: { clientId: string; name: string; logoUrl: string | null; publisher: string };
  group: { slug: string; name: string };
  scopes: ScopeId[];
  grantedAt: Date;
  lastUsedAt: Date | null;
};

// The apps a person has authorized, each with the group it acts in.
export async function listConnectedApps(userId: string): Promise<ConnectedApp[]> {
  const rows = await getDb().appGrant.findMany({
    where: { userId, revokedAt: null, installation: { status: "INSTALLED" } },
    orderBy: [{ createdAt: "desc" }, { grantId: "asc" }],
    include: { app: { include: { ownerGroup: { include: { organization: true } } } }, group: true },
  });
  // A grant the provider has ended (a replayed code or refresh token) is no
  // longer a connection, even before anyone revokes it here.
  const live = getOidcSqlite().prepare<[string], { found: number }>("SELECT 1 AS found FROM OidcModel WHERE model = 'Grant' AND id = ?");
  return rows.filter((row) => live.get(row.grantId)).map((row) => ({
    grantId: row.grantId,
    app: { clientId: row.app.clientId, name: row.app.name, logoUrl: row.app.logoUrl, publisher: publisherOf(row.app) },
    group: { slug: row.group.slug, name: row.group.name },
    scopes: sortScopes(stringList(row.scopes)),
    grantedAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
  }));
}

// "Revoke" on the Connected apps page: the grant and all its tokens end now.
export async function revokeConnectedApp(userId: string, grantId: string): Promise<void> {
  const db = getDb();
  const grant = await db.appGrant.findFirst({ where: { grantId, userId, revokedAt: null }, include: { app: true } });
  if (!grant) throw notFound("This app is not connected to your account");
  await db.$transaction(async (tx) => {
    await tx.appGrant.update({ where: { grantId }, data: { revokedAt: new Date() } });
    await recordAuditEvent(
      { action: "oauth.grant_revoked", actorUserId: userId, groupId: grant.groupId, targetType: "app", targetId: grant.appId, details: { clientId: grant.app.clientId } },
      tx,
    );
  });
  await endGrantTokens([grantId]);
}
