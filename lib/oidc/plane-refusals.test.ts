import { describe, expect, it } from "vitest";
import { systemActor } from "@/lib/auth/actor";
import { deleteApp, updateApp } from "@/lib/apps/mutations";
import type { ScopeId } from "@/lib/apps/scopes";
import { addConsent, removeConsent } from "@/lib/consent/mutations";
import { getOrigin } from "@/lib/config";
import { getDb } from "@/lib/db";
import { createGroup, createUser } from "@/lib/testing/factories";
import { validRegistration } from "@/lib/testing/app-factories";
import { appFetch } from "@/lib/testing/oauth-flow";
import { appInstallations, approveInBrowser, botToken, callApi, introspect, planeToken, planeWorld, PLANE_REDIRECT, type PlaneWorld } from "@/lib/testing/plane-world";

// What Tessera's Plane-compatible endpoints refuse, each with its exact
// OAuth error, and how bot tokens end with the consent or the app.

async function bot(world: PlaneWorld, installationId = world.installationId, scope?: string) {
  const { status, body } = await botToken(world, installationId, scope === undefined ? {} : { scope });
  expect(status, JSON.stringify(body)).toBe(200);
  return body.access_token as string;
}

async function userToken(world: PlaneWorld, person: { userId: string; groupId: string }) {
  const params = new URLSearchParams({ client_id: world.clientId, response_type: "code", redirect_uri: PLANE_REDIRECT });
  const callback = await approveInBrowser(`${getOrigin()}/auth/o/authorize-app/?${params}`, getOrigin(), person);
  const code = callback.searchParams.get("code")!;
  const { body } = await planeToken({ grant_type: "authorization_code", code, client_id: world.clientId, client_secret: world.clientSecret, redirect_uri: PLANE_REDIRECT });
  return body as { access_token: string; refresh_token: string };
}

async function expectDeadAtApi(token: string) {
  const response = await callApi(token, "/me");
  expect(response.status).toBe(401);
  expect(response.headers.get("www-authenticate")).toContain('error="invalid_token"');
  expect(((await response.json()) as { error: string }).error).toBe("invalid_token");
}

describe("bot tokens (client_credentials with app_installation_id): refusals", () => {
  it("refuses an unknown, another app's, or a revoked installation with invalid_grant", async () => {
    const world = await planeWorld();
    const other = await planeWorld();
    expect(await botToken(world, "00000000-0000-4000-8000-000000000000")).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    expect(await botToken(world, other.installationId)).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    await removeConsent(systemActor(), world.group.slug, world.installationId);
    expect(await botToken(world, world.installationId)).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
  });

  it("refuses client credentials without app_installation_id with a clear invalid_request", async () => {
    const world = await planeWorld();
    const { status, body } = await planeToken({ grant_type: "client_credentials" }, { basic: [world.clientId, world.clientSecret] });
    expect(status).toBe(400);
    expect(body.error).toBe("invalid_request");
    expect(body.error_description).toMatch(/app_installation_id/);
  });

  // oidc-provider answers invalid_request here (RFC 6749 §5.2 would say
  // unauthorized_client); the description names the reason.
  it("refuses a public client (no secret): the grant type is not allowed for it", async () => {
    const world = await planeWorld({ clientType: "PUBLIC" });
    const { status, body } = await planeToken({ grant_type: "client_credentials", app_installation_id: world.installationId, client_id: world.clientId });
    expect(status).toBe(400);
    expect(body).toEqual({ error: "invalid_request", error_description: "requested grant type is not allowed for this client" });
  });

  it("narrows to a requested subset of the consented scopes; anything beyond is invalid_scope", async () => {
    const world = await planeWorld({ ceiling: ["openid", "projects:read"] });
    expect(await botToken(world, world.installationId, { scope: "projects:write" })).toMatchObject({ status: 400, body: { error: "invalid_scope" } });
    expect(await botToken(world, world.installationId, { scope: "projects:read work_items:read" })).toMatchObject({ status: 400, body: { error: "invalid_scope" } });

    const wide = await planeWorld();
    const narrow = await bot(wide, wide.installationId, "projects:read");
    const me = (await (await callApi(narrow, "/me")).json()) as { scopes: string[] };
    expect(me.scopes).toEqual(["projects:read"]);
    expect((await callApi(narrow, "/projects")).status).toBe(200);
    const write = await callApi(narrow, "/projects", { method: "POST", json: { name: "Not allowed" } });
    expect(write.status).toBe(403);
    expect(write.headers.get("www-authenticate")).toContain('error="insufficient_scope"');
    expect(((await write.json()) as { error: string }).error).toBe("insufficient_scope");
    expect((await introspect(wide, narrow)).body).toMatchObject({ active: true, scope: "projects:read", client_id: wide.clientId });
  });

  it("is bound to the installation's bot and group", async () => {
    const world = await planeWorld();
    const token = await bot(world);
    const row = await getDb().installation.findUniqueOrThrow({ where: { id: world.installationId } });
    expect((await introspect(world, token)).body).toMatchObject({
      active: true, sub: `bot:${row.botUserId}`, group_id: world.group.id, installation_id: world.installationId, token_type: "Bearer",
    });
    // Another app may neither introspect nor revoke it.
    const other = await planeWorld();
    expect((await introspect(other, token)).body).toEqual({ active: false });
    const revoke = await appFetch(`${getOrigin()}/auth/o/revoke-token/`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token, client_id: other.clientId, client_secret: other.clientSecret }).toString(),
    });
    expect(((await revoke.json()) as { error: string }).error).toBe("invalid_request");
    expect((await callApi(token, "/me")).status).toBe(200);
  });
});

describe("bot tokens end with the consent or the app", () => {
  it("dies when consent is removed (API and introspection), with the people's tokens", async () => {
    const world = await planeWorld();
    const token = await bot(world);
    const user = await userToken(world, { userId: world.member.id, groupId: world.group.id });
    expect((await callApi(token, "/me")).status).toBe(200);
    await removeConsent(systemActor(), world.group.slug, world.installationId);
    await expectDeadAtApi(token);
    expect((await introspect(world, token)).body).toEqual({ active: false });
    expect((await appInstallations(token, world.installationId)).status).toBe(401);
    await expectDeadAtApi(user.access_token);
    expect((await introspect(world, user.access_token)).body).toEqual({ active: false });
    const refresh = { grant_type: "refresh_token", refresh_token: user.refresh_token, client_id: world.clientId, client_secret: world.clientSecret };
    expect(await planeToken(refresh)).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
  });

  it("dies when the app is suspended; a suspended app can't authenticate", async () => {
    const world = await planeWorld();
    const token = await bot(world);
    const user = (await userToken(world, { userId: world.member.id, groupId: world.group.id })).access_token;
    await getDb().app.update({ where: { id: world.app.id }, data: { status: "SUSPENDED" } });
    await expectDeadAtApi(token);
    await expectDeadAtApi(user);
    expect(await botToken(world, world.installationId)).toMatchObject({ status: 401, body: { error: "invalid_client" } });
    expect((await introspect(world, token)).body.error).toBe("invalid_client");
  });

  it("dies when the app is deleted", async () => {
    const world = await planeWorld();
    const token = await bot(world);
    const user = (await userToken(world, { userId: world.member.id, groupId: world.group.id })).access_token;
    await deleteApp(systemActor(), world.clientId, { confirmName: world.app.name });
    await expectDeadAtApi(token);
    await expectDeadAtApi(user);
    expect(await botToken(world, world.installationId)).toMatchObject({ status: 401, body: { error: "invalid_client" } });
  });
});

describe("app-installation: each token sees only its own installation", () => {
  // One Organization app installed in two groups of the same organization.
  async function twoGroups() {
    const world = await planeWorld({ availability: "ORGANIZATION" });
    const group2 = await createGroup(world.organization.id, "Second");
    const member2 = await createUser([[group2.id, "MEMBER"]]);
    const { installationId: installation2 } = await addConsent(systemActor(), group2.slug, { clientId: world.clientId });
    return { world, group2, member2, installation2 };
  }

  it("a token of another group of the same app gets nothing for this group's installation", async () => {
    const { world, group2, member2, installation2 } = await twoGroups();
    const tokens = {
      bot2: await bot(world, installation2),
      user2: (await userToken(world, { userId: member2.id, groupId: group2.id })).access_token,
    };
    for (const token of Object.values(tokens)) {
      expect(await appInstallations(token, world.installationId)).toEqual({ status: 200, body: [] });
      const own = await appInstallations(token);
      expect((own.body as { id: string; workspace: string }[]).map((i) => [i.id, i.workspace])).toEqual([[installation2, group2.id]]);
    }
  });

  it("updateApp: fewer permissions apply to live bot tokens at once; withdrawn availability ends the other group's", async () => {
    const { world, installation2 } = await twoGroups();
    const [token1, token2] = [await bot(world), await bot(world, installation2)];
    const settings = (scopes: ScopeId[], availability: "GROUP" | "ORGANIZATION") =>
      validRegistration({ name: world.app.name, redirectUris: [{ uri: PLANE_REDIRECT }], scopes, availability });
    await updateApp(systemActor(), world.clientId, settings(["openid", "profile", "offline_access", "projects:read"], "ORGANIZATION"));
    expect(((await (await callApi(token1, "/me")).json()) as { scopes: string[] }).scopes).toEqual(["projects:read"]);
    expect((await callApi(token1, "/projects", { method: "POST", json: { name: "Not any more" } })).status).toBe(403);
    expect(await botToken(world, world.installationId, { scope: "projects:write" })).toMatchObject({ status: 400, body: { error: "invalid_scope" } });

    await updateApp(systemActor(), world.clientId, settings(["openid", "profile", "offline_access", "projects:read"], "GROUP"));
    await expectDeadAtApi(token2);
    expect(await botToken(world, installation2)).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    expect((await callApi(token1, "/me")).status).toBe(200);
  });

  it("another app's token gets nothing; a user token of this app sees its installation", async () => {
    const world = await planeWorld();
    const other = await planeWorld();
    for (const token of [await bot(other), (await userToken(other, { userId: other.member.id, groupId: other.group.id })).access_token]) {
      expect(await appInstallations(token, world.installationId)).toEqual({ status: 200, body: [] });
    }
    const user = (await userToken(world, { userId: world.member.id, groupId: world.group.id })).access_token;
    const [installation] = (await appInstallations(user, world.installationId)).body as { id: string }[];
    expect(installation.id).toBe(world.installationId);
  });

  it("refuses a request without a valid bearer token with 401", async () => {
    const response = await appFetch(`${getOrigin()}/auth/o/app-installation/`);
    expect(response.status).toBe(401);
    expect((await appInstallations("not-a-token")).status).toBe(401);
  });
});
