import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { getDb, type Role } from "@/lib/db";
import { userActor } from "@/lib/auth/actor";
import { resolvePrincipal, type ApiPrincipal, type TokenFacts } from "@/lib/api/principal";
import type { ScopeId } from "@/lib/apps/scopes";
import type { AppRegistrationInput } from "@/lib/apps/schemas";
import { addConsent } from "@/lib/consent/mutations";
import { createGroupWithMembers } from "@/lib/testing/factories";
import { createTestApp } from "@/lib/testing/app-factories";
import { actorFromMember, actorFromPrincipal, type ProjectActor } from "./actor";

// Test builders for the projects domain: a group with one member of each role
// and an app installed there, and principals as the API would resolve them.

export const ALL_API_SCOPES: ScopeId[] = ["openid", "profile", "email", "group:read", "projects:read", "projects:write", "work_items:read", "work_items:write"];

export const refusal = (code: string, fields?: Record<string, unknown>) =>
  expect.objectContaining({ name: "AppError", code, ...(fields ? { fields: expect.objectContaining(fields) } : {}) });

type Options = { appScopes?: ScopeId[]; consentScopes?: ScopeId[]; app?: Partial<AppRegistrationInput> };

export async function createProjectWorld(options: Options = {}) {
  const seeded = await createGroupWithMembers();
  const admin = userActor(seeded.admin);
  const appScopes = options.appScopes ?? ALL_API_SCOPES;
  const { app } = await createTestApp(admin, seeded.group.slug, { scopes: appScopes, isMentionable: true, ...options.app });
  const { installationId } = await addConsent(admin, seeded.group.slug, { clientId: app.clientId, scopes: options.consentScopes ?? appScopes });
  const installation = await getDb().installation.findUniqueOrThrow({ where: { id: installationId } });
  const member = (user: { id: string }, role: Role) => actorFromMember(user.id, { id: seeded.group.id, role });
  return {
    ...seeded,
    app,
    installationId,
    botUserId: installation.botUserId,
    actors: { admin: member(seeded.admin, "ADMIN"), member: member(seeded.member, "MEMBER"), viewer: member(seeded.viewer, "VIEWER") },
  };
}

export type ProjectWorld = Awaited<ReturnType<typeof createProjectWorld>>;

// What a user's access token says: a grant in the world's group.
export async function userTokenFacts(world: ProjectWorld, user: { id: string }, scopes: ScopeId[] = ALL_API_SCOPES): Promise<TokenFacts> {
  const grantId = randomUUID();
  await getDb().appGrant.create({
    data: { grantId, userId: user.id, appId: world.app.id, groupId: world.group.id, installationId: world.installationId, scopes },
  });
  return { kind: "user", userId: user.id, grantId, clientId: world.app.clientId, scopes };
}

export function botTokenFacts(world: ProjectWorld, scopes: ScopeId[] = ALL_API_SCOPES): TokenFacts {
  return { kind: "bot", installationId: world.installationId, clientId: world.app.clientId, scopes };
}

export async function userPrincipal(world: ProjectWorld, user: { id: string }, scopes?: ScopeId[]): Promise<ApiPrincipal> {
  return resolvePrincipal(await userTokenFacts(world, user, scopes));
}

export function botPrincipal(world: ProjectWorld, scopes?: ScopeId[]): Promise<ApiPrincipal> {
  return resolvePrincipal(botTokenFacts(world, scopes));
}

export async function userToken(world: ProjectWorld, user: { id: string }, scopes?: ScopeId[]): Promise<ProjectActor> {
  return actorFromPrincipal(await userPrincipal(world, user, scopes));
}

export async function botToken(world: ProjectWorld, scopes?: ScopeId[]): Promise<ProjectActor> {
  return actorFromPrincipal(await botPrincipal(world, scopes));
}

// Gives an app a webhook URL and its Webhook row directly (no URL check, no
// secret to encrypt): from now on it receives its groups' events.
export async function giveAppWebhook(appId: string, webhookUrl = "https://hooks.example.com/tessera"): Promise<string> {
  await getDb().app.update({ where: { id: appId }, data: { webhookUrl } });
  const webhook = await getDb().webhook.create({ data: { appId, secretCipher: "x", secretHint: "xxxx" } });
  return webhook.id;
}

export type SentPayload = {
  id: string;
  event: string;
  action: string;
  webhook_id: string;
  workspace_id: string;
  installation_id: string;
  data: Record<string, unknown>;
  activity: { actor: { type: string; id: string | null; name?: string }; at: string };
};

// The outbox rows of one webhook, with their parsed bodies.
export async function outboxOf(webhookId: string) {
  const rows = await getDb().webhookEvent.findMany({ where: { webhookId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map((row) => ({ ...row, payload: JSON.parse(row.body) as SentPayload }));
}

// "event.action" of each outbox row, sorted (rows of one transaction share a
// timestamp, so their order is not meaningful).
export async function eventNames(webhookId: string): Promise<string[]> {
  return (await outboxOf(webhookId)).map((row) => `${row.event}.${row.action}`).sort();
}
