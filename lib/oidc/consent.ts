import { getDb } from "@/lib/db";
import { recordAuditEvent } from "@/lib/audit/mutations";
import { REQUIRED_SCOPE, sortScopes, type ScopeId } from "@/lib/apps/scopes";
import { hostOf } from "@/lib/apps/url-rules";
import { stringList, publisherOf, isVerifiedApp } from "@/lib/apps/view";
import { AppError } from "@/lib/errors";
import { getProvider } from "./provider";
import { submitInteraction, type InteractionDetails } from "./interaction-context";
import { API_SCOPES } from "./resource";

export type EligibleGroup = { id: string; name: string; organization: string; ceiling: ScopeId[] };

export type ConsentScreen = {
  app: { clientId: string; name: string; logoUrl: string | null; publisher: string; verified: boolean; homepageUrl: string | null; privacyPolicyUrl: string | null; termsUrl: string | null };
  redirectHost: string;
  requested: ScopeId[];
  groups: EligibleGroup[];
};

const scopesOf = (value: unknown) => (typeof value === "string" ? value.split(" ").filter(Boolean) : []);

async function loadApp(clientId: string) {
  const app = await getDb().app.findUnique({ where: { clientId }, include: { ownerGroup: { include: { organization: true } } } });
  if (!app || app.status !== "ACTIVE") throw new AppError("NOT_FOUND", "This app is not available");
  return app;
}

// What the consent screen shows: the app, where the browser returns, the
// permissions asked for (those the app may request), and the groups the
// user can pick — where they are a member AND the app is installed.
export async function describeConsent(details: InteractionDetails, userId: string): Promise<ConsentScreen> {
  const app = await loadApp(String(details.params.client_id));
  const allowed = new Set(stringList(app.scopes));
  // "Stay connected" is offered whenever the app may ask for it: OIDC drops
  // offline_access from requests without prompt=consent before we see them.
  const asked = [...scopesOf(details.params.scope), ...(allowed.has("offline_access") ? ["offline_access"] : [])];
  const installations = await getDb().installation.findMany({
    where: { appId: app.id, status: "INSTALLED", group: { memberships: { some: { userId } } } },
    include: { group: { include: { organization: true } } },
  });
  return {
    app: {
      clientId: app.clientId,
      name: app.name,
      logoUrl: app.logoUrl,
      publisher: publisherOf(app),
      verified: isVerifiedApp(app),
      homepageUrl: app.homepageUrl,
      privacyPolicyUrl: app.privacyPolicyUrl,
      termsUrl: app.termsUrl,
    },
    redirectHost: hostOf(String(details.params.redirect_uri ?? "")),
    requested: sortScopes([REQUIRED_SCOPE, ...asked.filter((scope) => allowed.has(scope))]),
    groups: installations
      .map((row) => ({ id: row.groupId, name: row.group.name, organization: row.group.organization.name, ceiling: sortScopes(stringList(row.scopes)) }))
      .sort((a, b) => a.organization.localeCompare(b.organization) || a.name.localeCompare(b.name)),
  };
}

// "Allow": records the grant — the chosen group and the permissions that
// survive every ceiling (requested ∩ app ∩ group's consent ∩ what the person
// left checked) — and hands the result back to the provider.
export async function confirmConsent(details: InteractionDetails, cookieHeader: string, userId: string, input: { groupId: string; scopes: string[] }): Promise<string> {
  const screen = await describeConsent(details, userId);
  const group = screen.groups.find((candidate) => candidate.id === input.groupId);
  if (!group) throw new AppError("FORBIDDEN", "Choose a group where you are a member and this app is installed");
  const chosen = new Set([REQUIRED_SCOPE, ...input.scopes]);
  const granted = screen.requested.filter((scope) => chosen.has(scope) && group.ceiling.includes(scope));
  const rejected = scopesOf(details.params.scope).filter((scope) => !granted.includes(scope as ScopeId));

  const provider = await getProvider();
  const existing = details.grantId ? await provider.Grant.find(details.grantId) : undefined;
  const grant = existing ?? new provider.Grant({ accountId: userId, clientId: screen.app.clientId });
  grant.addOIDCScope(granted.join(" "));
  if (rejected.length) grant.rejectOIDCScope(rejected.join(" "));
  const resource = typeof details.params.resource === "string" ? details.params.resource : undefined;
  if (resource) {
    grant.addResourceScope(resource, granted.filter((scope) => API_SCOPES.includes(scope)).join(" "));
    const rejectedApi = rejected.filter((scope) => API_SCOPES.includes(scope as ScopeId));
    if (rejectedApi.length) grant.rejectResourceScope(resource, rejectedApi.join(" "));
  }
  const grantId = await grant.save();
  await recordGrant(grantId, userId, screen.app.clientId, group.id, granted);
  return submitInteraction(details.uid, cookieHeader, { login: { accountId: userId }, consent: { grantId } });
}

async function recordGrant(grantId: string, userId: string, clientId: string, groupId: string, scopes: ScopeId[]) {
  const db = getDb();
  const app = await loadApp(clientId);
  const installation = await db.installation.findFirstOrThrow({ where: { appId: app.id, groupId, status: "INSTALLED" } });
  const data = { userId, appId: app.id, groupId, installationId: installation.id, scopes, revokedAt: null };
  await db.$transaction(async (tx) => {
    await tx.appGrant.upsert({ where: { grantId }, create: { grantId, ...data }, update: data });
    // The app's first completed flow in this group finishes its setup.
    if (!installation.setupCompletedAt) await tx.installation.update({ where: { id: installation.id }, data: { setupCompletedAt: new Date() } });
    await recordAuditEvent({ action: "oauth.consent_granted", actorUserId: userId, groupId, targetType: "app", targetId: app.id, details: { clientId, scopes } }, tx);
  });
}

export function denyConsent(details: InteractionDetails, cookieHeader: string): Promise<string> {
  return submitInteraction(details.uid, cookieHeader, { error: "access_denied", error_description: "The user denied the request" });
}

export function completeLogin(details: InteractionDetails, cookieHeader: string, userId: string): Promise<string> {
  return submitInteraction(details.uid, cookieHeader, { login: { accountId: userId } });
}
