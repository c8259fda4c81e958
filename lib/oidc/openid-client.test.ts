import { describe, expect, it } from "vitest";
import * as client from "openid-client";
import { API, appFetch, callApi, deny, follow, installedApp, newBrowser, openidClient, REDIRECT } from "@/lib/testing/oauth-fixtures";
import { consent } from "@/lib/testing/oauth-flow";

// A confidential app written with openid-client 6, the certified relying
// party library, against Tessera's authorization server.

type Seen = { url: string; authorization: string | null; body: string };

async function configure(clientId: string, clientSecret: string, method: "client_secret_post" | "client_secret_basic") {
  const auth = method === "client_secret_post" ? client.ClientSecretPost(clientSecret) : client.ClientSecretBasic(clientSecret);
  const config = await openidClient(clientId, clientSecret, auth);
  const seen: Seen[] = [];
  config[client.customFetch] = (url, options) => {
    const body = options.body === undefined || options.body === null ? "" : String(options.body);
    seen.push({ url, authorization: new Headers(options.headers).get("authorization"), body });
    return appFetch(url, options as RequestInit);
  };
  return { config, seen };
}

type Person = { userId: string; groupId: string; scopes: string[] };

async function signIn(config: client.Configuration, person: Person, scope: string, extra: Record<string, string> = {}) {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT, scope, state, nonce, code_challenge: await client.calculatePKCECodeChallenge(verifier), code_challenge_method: "S256", ...extra,
  });
  const browser = newBrowser();
  const landing = await follow(browser, url.toString());
  const callback = await consent(browser, landing, person.userId, { groupId: person.groupId, scopes: person.scopes });
  return { callback, checks: { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true }, browser, landing };
}

const SCOPE = "openid profile offline_access projects:read";

describe("openid-client (confidential app)", () => {
  it.each(["client_secret_post", "client_secret_basic"] as const)("runs the whole flow with %s: code + PKCE, userinfo, introspection, refresh rotation, revocation", async (method) => {
    const world = await installedApp();
    const { config, seen } = await configure(world.clientId, world.clientSecret!, method);
    const person = { userId: world.member.id, groupId: world.group.id, scopes: ["profile", "offline_access", "projects:read"] };
    const { callback, checks } = await signIn(config, person, SCOPE);
    expect(callback.searchParams.get("iss")).toBe(config.serverMetadata().issuer);

    const tokens = await client.authorizationCodeGrant(config, callback, checks);
    const tokenCall = seen.find((call) => call.url.endsWith("/oidc/token"))!;
    if (method === "client_secret_post") {
      expect(tokenCall.authorization).toBeNull();
      expect(new URLSearchParams(tokenCall.body).get("client_secret")).toBe(world.clientSecret);
    } else {
      expect(tokenCall.authorization).toMatch(/^Basic /);
      expect(new URLSearchParams(tokenCall.body).has("client_secret")).toBe(false);
    }
    const claims = tokens.claims()!;
    expect(claims).toMatchObject({ sub: world.member.id, group_id: world.group.id });
    expect(tokens.scope?.split(" ").sort()).toEqual(["openid", "profile", "projects:read"]);
    expect(tokens.refresh_token).toBeTruthy();

    const userinfo = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
    expect(userinfo).toMatchObject({ sub: world.member.id, group_id: world.group.id, name: expect.any(String) });
    expect(userinfo.email).toBeUndefined();

    const introspection = await client.tokenIntrospection(config, tokens.access_token);
    expect(introspection).toMatchObject({ active: true, sub: world.member.id, group_id: world.group.id, client_id: world.clientId });
    const me = await callApi(tokens.access_token, "/me");
    expect(await me.json()).toMatchObject({ id: world.member.id, group_id: world.group.id });

    // Refresh: a new refresh token every time, the old one spent, the group kept.
    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token!);
    expect(refreshed.refresh_token).toBeTruthy();
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    expect(refreshed.claims()).toMatchObject({ sub: world.member.id, group_id: world.group.id });
    expect(await client.tokenIntrospection(config, refreshed.access_token)).toMatchObject({ active: true, group_id: world.group.id });
    expect(await client.fetchUserInfo(config, refreshed.access_token, claims.sub)).toMatchObject({ group_id: world.group.id });
    expect((await client.tokenIntrospection(config, tokens.refresh_token!)).active).toBe(false);

    // Revoking the refresh token ends the grant: nothing of it works any more.
    await client.tokenRevocation(config, refreshed.refresh_token!);
    await expect(client.refreshTokenGrant(config, refreshed.refresh_token!)).rejects.toMatchObject({ error: "invalid_grant" });
    expect((await client.tokenIntrospection(config, refreshed.access_token)).active).toBe(false);
    expect((await callApi(refreshed.access_token, "/me")).status).toBe(401);
    expect(seen.every((call) => !call.url.includes("client_secret="))).toBe(true);
  });

  it("revokes an access token: it no longer opens the API or userinfo", async () => {
    const world = await installedApp();
    const { config } = await configure(world.clientId, world.clientSecret!, "client_secret_basic");
    const { callback, checks } = await signIn(config, { userId: world.member.id, groupId: world.group.id, scopes: ["projects:read"] }, "openid projects:read");
    const tokens = await client.authorizationCodeGrant(config, callback, checks);
    expect((await callApi(tokens.access_token, "/projects")).status).toBe(200);

    await client.tokenRevocation(config, tokens.access_token);
    expect((await client.tokenIntrospection(config, tokens.access_token)).active).toBe(false);
    expect((await callApi(tokens.access_token, "/projects")).status).toBe(401);
    const userinfo = await appFetch(config.serverMetadata().userinfo_endpoint!, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(userinfo.status).toBe(401);
  });

  it("binds the access token to the Tessera API when the app names it as resource (RFC 8707)", async () => {
    const world = await installedApp();
    const { config } = await configure(world.clientId, world.clientSecret!, "client_secret_basic");
    const person = { userId: world.member.id, groupId: world.group.id, scopes: ["projects:read"] };
    const { callback, checks } = await signIn(config, person, "openid projects:read", { resource: API() });
    const tokens = await client.authorizationCodeGrant(config, callback, checks, { resource: API() });

    expect(tokens.claims()).toMatchObject({ group_id: world.group.id });
    const introspection = await client.tokenIntrospection(config, tokens.access_token);
    expect(introspection).toMatchObject({ active: true, aud: API(), scope: "projects:read", group_id: world.group.id });
    expect((await callApi(tokens.access_token, "/projects")).status).toBe(200);
    // An audience-bound token is for the API only, not for userinfo.
    const userinfo = await appFetch(config.serverMetadata().userinfo_endpoint!, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(userinfo.status).toBe(403);
  });

  it("rejects an authorization response whose iss is not Tessera's (RFC 9207 mix-up defence)", async () => {
    const world = await installedApp();
    const { config, seen } = await configure(world.clientId, world.clientSecret!, "client_secret_basic");
    const { callback, checks } = await signIn(config, { userId: world.member.id, groupId: world.group.id, scopes: [] }, "openid");
    callback.searchParams.set("iss", "https://attacker.example/oidc");
    await expect(client.authorizationCodeGrant(config, callback, checks)).rejects.toMatchObject({ cause: { message: expect.stringMatching(/"iss"/) } });
    expect(seen.some((call) => call.url.endsWith("/oidc/token"))).toBe(false);
  });

  it("answers Deny with access_denied to the app, with state and iss", async () => {
    const world = await installedApp();
    const { config } = await configure(world.clientId, world.clientSecret!, "client_secret_basic");
    const state = client.randomState();
    const url = client.buildAuthorizationUrl(config, { redirect_uri: REDIRECT, scope: "openid projects:read", state, code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()), code_challenge_method: "S256" });
    const browser = newBrowser();
    const callback = await deny(browser, await follow(browser, url.toString()), world.member.id);

    expect(callback.origin + callback.pathname).toBe(REDIRECT);
    expect(callback.searchParams.get("error")).toBe("access_denied");
    expect(callback.searchParams.get("state")).toBe(state);
    expect(callback.searchParams.get("iss")).toBe(config.serverMetadata().issuer);
    expect(callback.searchParams.has("code")).toBe(false);
    await expect(client.authorizationCodeGrant(config, callback, { expectedState: state, pkceCodeVerifier: "x".repeat(43) })).rejects.toMatchObject({ error: "access_denied" });
  });
});
