import { describe, expect, it } from "vitest";
import { getOrigin } from "@/lib/config";
import { getDb } from "@/lib/db";
import { appFetch } from "@/lib/testing/oauth-flow";
import {
  appInstallations, approveInBrowser, callApi, introspect, planeToken, planeWorld, PLANE_REDIRECT, type PlaneWorld,
} from "@/lib/testing/plane-world";

// The Plane document's raw HTTP examples (Python requests), sent as written
// to Tessera's /auth/o endpoints: only the base URL differs.

// "consent_url = https://api.plane.so/auth/o/authorize-app/?client_id&response_type=code&redirect_uri"
async function codeFromConsent(world: PlaneWorld, state?: string) {
  const params = new URLSearchParams({ client_id: world.clientId, response_type: "code", redirect_uri: PLANE_REDIRECT });
  if (state) params.set("state", state);
  const callback = await approveInBrowser(`${getOrigin()}/auth/o/authorize-app/?${params}`, getOrigin(), { userId: world.member.id, groupId: world.group.id });
  expect(`${callback.origin}${callback.pathname}`).toBe(PLANE_REDIRECT);
  return callback;
}

const codePayload = (world: PlaneWorld, code: string) => ({
  grant_type: "authorization_code", code, client_id: world.clientId, client_secret: world.clientSecret, redirect_uri: PLANE_REDIRECT,
});
const refreshPayload = (world: PlaneWorld, refreshToken: string) => ({
  grant_type: "refresh_token", refresh_token: refreshToken, client_id: world.clientId, client_secret: world.clientSecret,
});

function revoke(body: Record<string, string>, json = false) {
  return appFetch(`${getOrigin()}/auth/o/revoke-token/`, {
    method: "POST",
    headers: { "content-type": json ? "application/json" : "application/x-www-form-urlencoded" },
    body: json ? JSON.stringify(body) : new URLSearchParams(body).toString(),
  });
}

describe("the Plane document's HTTP examples", () => {
  it("installing the app (Add Consent) sends app_installation_id to the redirect URI", async () => {
    const world = await planeWorld();
    const callback = new URL(world.installCallback!);
    expect(`${callback.origin}${callback.pathname}`).toBe(PLANE_REDIRECT);
    expect(callback.searchParams.get("app_installation_id")).toBe(world.installationId);
  });

  it("callback without state: code and app_installation_id only", async () => {
    const world = await planeWorld();
    const callback = await codeFromConsent(world);
    expect(callback.searchParams.get("code")).toBeTruthy();
    expect(callback.searchParams.get("app_installation_id")).toBe(world.installationId);
    expect(callback.searchParams.has("state")).toBe(false);
  });

  it("client credentials: Basic auth, form body → bot token and expires_in; installation details with it", async () => {
    const world = await planeWorld();
    const basic = Buffer.from(`${world.clientId}:${world.clientSecret}`).toString("base64");
    const response = await appFetch(`${getOrigin()}/auth/o/token/`, {
      method: "POST",
      headers: { Authorization: `Basic ${basic}`, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials", app_installation_id: world.installationId }).toString(),
    });
    expect(response.status).toBe(200);
    const data = (await response.json()) as { access_token: string; expires_in: number; token_type: string };
    expect(data.access_token).toBeTruthy();
    expect(data.expires_in).toBeGreaterThan(0);
    expect(data.token_type).toBe("Bearer");

    // "response = requests.get(.../auth/o/app-installation/?id=...); response.data[0]"
    const details = await appInstallations(data.access_token, world.installationId);
    expect(details.status).toBe(200);
    const bot = await getDb().installation.findUniqueOrThrow({ where: { id: world.installationId } });
    expect((details.body as Record<string, unknown>[])[0]).toMatchObject({
      id: world.installationId, status: "installed", workspace: world.group.id, application: world.app.id, app_bot: bot.botUserId, deleted_at: null,
    });
  });

  it("client credentials as a JSON body (Plane's Python SDK)", async () => {
    const world = await planeWorld();
    const { status, body } = await planeToken({ grant_type: "client_credentials", app_installation_id: world.installationId }, { json: true, basic: [world.clientId, world.clientSecret] });
    expect(status).toBe(200);
    expect((await callApi(body.access_token as string, "/me")).status).toBe(200);
  });

  it("code exchange and refresh, form body with client_secret (the document's example)", async () => {
    const world = await planeWorld();
    const callback = await codeFromConsent(world, "abc");
    expect(callback.searchParams.get("state")).toBe("abc");
    const exchanged = await planeToken(codePayload(world, callback.searchParams.get("code")!));
    expect(exchanged.status).toBe(200);
    expect(exchanged.body).toMatchObject({ access_token: expect.any(String), refresh_token: expect.any(String), expires_in: expect.any(Number) });
    const refreshed = await planeToken(refreshPayload(world, exchanged.body.refresh_token as string));
    expect(refreshed.status).toBe(200);
    expect((await callApi(refreshed.body.access_token as string, "/projects")).status).toBe(200);
  });

  it("code exchange and refresh as JSON bodies; refresh tokens rotate and a reused one ends the grant", async () => {
    const world = await planeWorld();
    const code = (await codeFromConsent(world)).searchParams.get("code")!;
    const exchanged = await planeToken(codePayload(world, code), { json: true });
    expect(exchanged.status).toBe(200);
    const first = exchanged.body as { access_token: string; refresh_token: string };
    expect((await callApi(first.access_token, "/me")).status).toBe(200);

    const refreshed = await planeToken(refreshPayload(world, first.refresh_token), { json: true });
    expect(refreshed.status).toBe(200);
    const second = refreshed.body as { access_token: string; refresh_token: string };
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect((await callApi(second.access_token, "/me")).status).toBe(200);

    const reused = await planeToken(refreshPayload(world, first.refresh_token), { json: true });
    expect(reused).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    expect((await planeToken(refreshPayload(world, second.refresh_token), { json: true })).body.error).toBe("invalid_grant");
    expect((await callApi(second.access_token, "/me")).status).toBe(401);
  });

  it("a code is single-use: replayed, it is refused and the tokens it gave end", async () => {
    const world = await planeWorld();
    const code = (await codeFromConsent(world)).searchParams.get("code")!;
    const tokens = (await planeToken(codePayload(world, code), { json: true })).body as { access_token: string; refresh_token: string };
    expect(await planeToken(codePayload(world, code), { json: true })).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    expect((await callApi(tokens.access_token, "/me")).status).toBe(401);
    expect((await planeToken(refreshPayload(world, tokens.refresh_token))).body.error).toBe("invalid_grant");
  });

  it("a malformed JSON body is a clear invalid_request", async () => {
    const response = await appFetch(`${getOrigin()}/auth/o/token/`, { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe("invalid_request");
  });

  it("revoke-token: access token (form), refresh token (JSON), bot token", async () => {
    const world = await planeWorld();
    const code = (await codeFromConsent(world)).searchParams.get("code")!;
    const tokens = (await planeToken(codePayload(world, code))).body as { access_token: string; refresh_token: string };
    const auth = { client_id: world.clientId, client_secret: world.clientSecret };

    const revokedAccess = await revoke({ token: tokens.access_token, token_type_hint: "access_token", ...auth });
    expect(revokedAccess.status).toBe(200);
    expect((await callApi(tokens.access_token, "/me")).status).toBe(401);
    expect((await introspect(world, tokens.access_token)).body.active).toBe(false);

    expect((await revoke({ token: tokens.refresh_token, ...auth }, true)).status).toBe(200);
    expect((await planeToken(refreshPayload(world, tokens.refresh_token))).body.error).toBe("invalid_grant");

    const bot = (await planeToken({ grant_type: "client_credentials", app_installation_id: world.installationId }, { basic: [world.clientId, world.clientSecret] })).body;
    expect((await callApi(bot.access_token as string, "/me")).status).toBe(200);
    expect((await revoke({ token: bot.access_token as string, ...auth })).status).toBe(200);
    expect((await callApi(bot.access_token as string, "/me")).status).toBe(401);
    expect((await introspect(world, bot.access_token as string)).body.active).toBe(false);

    // Only the app's own client authentication may revoke.
    const refused = await revoke({ token: "anything", client_id: world.clientId, client_secret: "wrong" });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: string }).error).toBe("invalid_client");
  });
});
