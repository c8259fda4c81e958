import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { startTestServer } from "@/lib/testing/http-server";
import { approveInBrowser, callApi, planeWorld, PLANE_REDIRECT, sdkClient, type PlaneWorld } from "@/lib/testing/plane-world";

// An app written with the official Plane Node SDK (@makeplane/plane-node-sdk,
// axios over real HTTP) works against Tessera with only its base URL changed.

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server?.close());

// Plane's GET /auth/o/app-installation/ element, with this world's values.
async function expectedInstallation(world: PlaneWorld) {
  const row = await getDb().installation.findUniqueOrThrow({ where: { id: world.installationId } });
  return {
    id: world.installationId,
    workspace_detail: { name: world.group.name, slug: world.group.slug, id: world.group.id, logo_url: null },
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    deleted_at: null,
    status: "installed",
    workspace: world.group.id,
    application: world.app.id,
    installed_by: world.admin.id,
    app_bot: row.botUserId,
    webhook: expect.any(String),
  };
}

describe("Plane Node SDK OAuthClient against Tessera", () => {
  it("user-authorized: authorization URL, consent, code exchange, refresh, installation details", async () => {
    const world = await planeWorld({ webhookUrl: "https://plane-app.example.com/webhook" });
    const sdk = sdkClient(server.baseUrl, world);

    const authorizationUrl = sdk.getAuthorizationUrl("code", "xyz-state");
    const asked = new URL(authorizationUrl);
    expect(`${asked.origin}${asked.pathname}`).toBe(`${server.baseUrl}/auth/o/authorize-app/`);
    expect(asked.searchParams.has("scope")).toBe(false);

    const callback = await approveInBrowser(authorizationUrl, server.baseUrl, { userId: world.member.id, groupId: world.group.id });
    expect(`${callback.origin}${callback.pathname}`).toBe(PLANE_REDIRECT);
    expect(callback.searchParams.get("state")).toBe("xyz-state");
    expect(callback.searchParams.get("app_installation_id")).toBe(world.installationId);
    const code = callback.searchParams.get("code")!;
    expect(code).toBeTruthy();

    const tokens = await sdk.exchangeCodeForToken(code);
    expect(tokens).toMatchObject({ token_type: "Bearer", access_token: expect.any(String), refresh_token: expect.any(String), expires_in: expect.any(Number) });
    // No scope in the request: the app's registered permissions (OIDC keeps
    // offline_access out of `scope`; the refresh token above is its effect).
    expect(tokens.scope?.split(" ").sort()).toEqual(["openid", "profile", "projects:read", "projects:write"]);

    const me = await callApi(tokens.access_token, "/me");
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ id: world.member.id, type: "user", group_id: world.group.id, name: world.member.name });
    const created = await callApi(tokens.access_token, "/projects", { method: "POST", json: { name: "From the SDK user" } });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ group_id: world.group.id, created_by: { type: "user", id: world.member.id } });

    const refreshed = await sdk.getRefreshToken(tokens.refresh_token!);
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    expect(refreshed.refresh_token).toBeTruthy();
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    expect((await callApi(refreshed.access_token, "/projects")).status).toBe(200);

    const expected = await expectedInstallation(world);
    expect(await sdk.getAppInstallations(refreshed.access_token, world.installationId)).toEqual([expected]);
    // Without an id: every installation the token can see (this one).
    expect(await sdk.getAppInstallations(refreshed.access_token)).toEqual([expected]);
  });

  it("app-authorized: getBotToken for the installation, the bot acts in its group with the consented permissions", async () => {
    const world = await planeWorld({ ceiling: ["openid", "projects:read", "projects:write"] });
    const sdk = sdkClient(server.baseUrl, world);

    const bot = await sdk.getBotToken(world.installationId);
    expect(bot).toMatchObject({ token_type: "Bearer", access_token: expect.any(String), scope: "projects:read projects:write" });
    expect(bot.refresh_token).toBeUndefined();
    expect(bot.expires_in).toBeGreaterThan(0);
    expect(bot.expires_in).toBeLessThanOrEqual(3600);

    const row = await getDb().installation.findUniqueOrThrow({ where: { id: world.installationId } });
    expect(row.lastBotTokenAt).not.toBeNull();
    const me = await callApi(bot.access_token, "/me");
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({
      id: `bot:${row.botUserId}`,
      type: "bot",
      name: expect.any(String),
      group_id: world.group.id,
      installation_id: world.installationId,
      scopes: ["projects:read", "projects:write"],
    });

    const created = await callApi(bot.access_token, "/projects", { method: "POST", json: { name: "From the bot" } });
    expect(created.status).toBe(201);
    const project = (await created.json()) as { id: string; group_id: string; created_by: unknown };
    expect(project).toMatchObject({ group_id: world.group.id, created_by: { type: "bot", id: row.botUserId } });
    const listed = (await (await callApi(bot.access_token, "/projects")).json()) as { data: { id: string }[] };
    expect(listed.data.map((p) => p.id)).toContain(project.id);

    const expected = { ...(await expectedInstallation(world)), webhook: null };
    const installations = await sdk.getAppInstallations(bot.access_token, world.installationId);
    expect(installations).toEqual([expected]);
    expect(await sdk.getAppInstallations(bot.access_token)).toEqual(installations);
  });

  it("the installation id from the user flow's callback gets a bot token (Plane's install flow)", async () => {
    const world = await planeWorld();
    const sdk = sdkClient(server.baseUrl, world);
    const callback = await approveInBrowser(sdk.getAuthorizationUrl(), server.baseUrl, { userId: world.admin.id, groupId: world.group.id });
    const installationId = callback.searchParams.get("app_installation_id")!;
    const bot = await sdk.getBotToken(installationId);
    const me = (await (await callApi(bot.access_token, "/me")).json()) as Record<string, unknown>;
    expect(me).toMatchObject({ type: "bot", installation_id: world.installationId, group_id: world.group.id });
    const [installation] = await sdk.getAppInstallations(bot.access_token, installationId);
    expect(installation).toMatchObject({ id: installationId, workspace: world.group.id, status: "installed" });
  });

  it("SDK calls that Tessera refuses reject with the OAuth error in the response", async () => {
    const world = await planeWorld();
    const other = await planeWorld();
    const sdk = sdkClient(server.baseUrl, world);
    await expect(sdk.getBotToken(other.installationId)).rejects.toMatchObject({ response: { status: 400, data: { error: "invalid_grant" } } });
    await expect(sdk.exchangeCodeForToken("not-a-code")).rejects.toMatchObject({ response: { status: 400, data: { error: "invalid_grant" } } });
    await expect(sdkClient(server.baseUrl, { ...world, clientSecret: "wrong" }).getBotToken(world.installationId)).rejects.toMatchObject({
      response: { status: 401, data: { error: "invalid_client" } },
    });
    // Another app's installation: the SDK's own "not found" (an empty array).
    const { access_token } = await sdk.getBotToken(world.installationId);
    await expect(sdk.getAppInstallations(access_token, other.installationId)).rejects.toThrow("App installation not found");
  });
});
