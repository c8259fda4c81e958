import { describe, expect, it } from "vitest";
import type * as oauth from "oauth4webapi";
import { systemActor } from "@/lib/auth/actor";
import { deleteApp } from "@/lib/apps/mutations";
import { generateAppSecret, revokeAppSecret } from "@/lib/apps/secret-mutations";
import { removeConsent } from "@/lib/consent/mutations";
import { getDb } from "@/lib/db";
import { describeConsent } from "@/lib/oidc/consent";
import { listConnectedApps, revokeConnectedApp } from "@/lib/oidc/grants";
import { findInteraction } from "@/lib/oidc/interaction-context";
import { setAppStatus } from "@/lib/testing/consent-factories";
import { cookieHeader } from "@/lib/testing/oidc-harness";
import { callApi, eventually, installedApp, introspect, newBrowser, refresh, REDIRECT, signIn, startAuthorization, tokenRefusals, tokenRequest } from "@/lib/testing/oauth-fixtures";

// What the API sees is re-derived at every call: the person's role, their
// membership, the group's consent and the app itself. Tokens issued before a
// change obey it at once.

type World = Awaited<ReturnType<typeof installedApp>>;
const SCOPE = "openid offline_access projects:read projects:write";
const as = (world: World, role: "member" | "viewer" = "member") => ({ userId: world[role].id, groupId: world.group.id });

const refreshWith = (server: oauth.AuthorizationServer, world: World, refreshToken: string, secret = world.clientSecret!) =>
  tokenRequest(server, { grant_type: "refresh_token", refresh_token: refreshToken, client_id: world.clientId, client_secret: secret });

async function expectRefused(token: string, why: RegExp) {
  const response = await callApi(token, "/projects");
  expect(response.status).toBe(401);
  expect(response.headers.get("www-authenticate")).toMatch(/error="invalid_token"/);
  expect((await response.json()).error_description).toMatch(why);
}

describe("changes take effect at the next call", () => {
  it("never lets a viewer write, whatever the app may do", async () => {
    const world = await installedApp();
    const { tokens } = await signIn(world, as(world, "viewer"), SCOPE);
    expect(tokens.scope).toContain("projects:write");
    expect((await callApi(tokens.access_token, "/projects")).status).toBe(200);
    const write = await callApi(tokens.access_token, "/projects", { method: "POST", json: { name: "Viewer's" } });
    expect(write.status).toBe(403);
    expect(write.headers.get("www-authenticate")).toMatch(/insufficient_scope/);
    expect((await (await callApi(tokens.access_token, "/me")).json()).scopes).not.toContain("projects:write");
  });

  it("ends every token of the app in the group when consent is removed, and offers that group no more", async () => {
    const world = await installedApp();
    const { as: server, flow, tokens } = await signIn(world, as(world), SCOPE);
    await removeConsent(systemActor(), world.group.slug, world.installationId);

    await expectRefused(tokens.access_token, /invalid, expired or revoked|consent/);
    expect((await introspect(server, world, tokens.access_token)).active).toBe(false);
    expect(await (await refreshWith(server, world, tokens.refresh_token!)).json()).toMatchObject({ error: "invalid_grant" });
    // The same browser is asked again (not handed a code for the dead grant), and no group is eligible.
    const again = await startAuthorization(flow.browser, server, { clientId: world.clientId, redirectUri: REDIRECT, scope: SCOPE });
    expect(again.landing.pathname).toMatch(/^\/interaction\//);
    const details = await findInteraction(again.landing.pathname.split("/")[2], cookieHeader(flow.browser));
    expect((await describeConsent(details!, world.member.id)).groups).toEqual([]);
  });

  it("refuses the tokens of a member removed from the group", async () => {
    const world = await installedApp();
    const { tokens } = await signIn(world, as(world), SCOPE);
    expect((await callApi(tokens.access_token, "/projects")).status).toBe(200);
    await getDb().membership.delete({ where: { userId_groupId: { userId: world.member.id, groupId: world.group.id } } });
    await expectRefused(tokens.access_token, /no longer a member/);
  });

  it("ends everything when the app is deleted: tokens, refresh, and new authorization requests", async () => {
    const world = await installedApp();
    const { as: server, tokens } = await signIn(world, as(world), SCOPE);
    await deleteApp(systemActor(), world.clientId, { confirmName: world.app.name });

    await expectRefused(tokens.access_token, /invalid, expired or revoked/);
    const refused = await refreshWith(server, world, tokens.refresh_token!);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: "invalid_client" });
    const page = await newBrowser().fetch(`${server.authorization_endpoint}?client_id=${world.clientId}&redirect_uri=${encodeURIComponent(REDIRECT)}&response_type=code&scope=openid`);
    expect(page.status).toBe(400);
    expect(page.headers.get("location")).toBeNull();
  });

  it("refuses a suspended app's tokens and token requests", async () => {
    const world = await installedApp();
    const { as: server, tokens } = await signIn(world, as(world), SCOPE);
    await setAppStatus(world.app.id, "SUSPENDED");
    await expectRefused(tokens.access_token, /no longer active/);
    expect((await refreshWith(server, world, tokens.refresh_token!)).status).toBe(401);
  });

  it("refuses a revoked secret (and records it) while the app's other secret keeps working", async () => {
    const world = await installedApp();
    const { as: server, tokens } = await signIn(world, as(world), SCOPE);
    const { secret: replacement } = await generateAppSecret(systemActor(), world.clientId, { expiresIn: "never" });
    const old = await getDb().appSecret.findFirstOrThrow({ where: { appId: world.app.id, revokedAt: null }, orderBy: { createdAt: "asc" } });
    await revokeAppSecret(systemActor(), world.clientId, old.id);

    const refused = await refreshWith(server, world, tokens.refresh_token!);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: "invalid_client" });
    const events = await eventually(() => tokenRefusals(world.clientId), (rows) => rows.length > 0);
    expect(events[0].details).toMatchObject({ error: "invalid_client", grantType: "refresh_token" });

    // Rotating secrets logs nobody out: the refusal spent nothing.
    const renewed = await refresh(server, { clientId: world.clientId, clientSecret: replacement }, tokens.refresh_token!);
    expect((await callApi(renewed.access_token, "/projects")).status).toBe(200);
  });

  it("ends the grant when the person revokes the app under Connected apps, and asks again next time", async () => {
    const world = await installedApp();
    const { as: server, flow, tokens } = await signIn(world, as(world), SCOPE);
    const [connected] = await listConnectedApps(world.member.id);
    await revokeConnectedApp(world.member.id, connected.grantId);

    expect(await listConnectedApps(world.member.id)).toEqual([]);
    await expectRefused(tokens.access_token, /invalid, expired or revoked|consent/);
    expect(await (await refreshWith(server, world, tokens.refresh_token!)).json()).toMatchObject({ error: "invalid_grant" });
    const again = await startAuthorization(flow.browser, server, { clientId: world.clientId, redirectUri: REDIRECT, scope: SCOPE });
    expect(again.landing.pathname).toMatch(/^\/interaction\//);
  });
});
