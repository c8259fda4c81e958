import { describe, expect, it } from "vitest";
import * as oauth from "oauth4webapi";
import { appFetch, authorize, callApi, discover, eventually, exchangeCode, insecure, installedApp, newBrowser, REDIRECT, startAuthorization, tokenRefusals, tokenRequest } from "@/lib/testing/oauth-fixtures";

// A public app (a SPA or a native app: no secret) written with oauth4webapi:
// it authenticates with nothing but PKCE (S256), which it must use.

async function publicApp() {
  const world = await installedApp({ clientType: "PUBLIC" });
  expect(world.clientSecret).toBeUndefined();
  return world;
}

describe("oauth4webapi (public app, PKCE, no secret)", () => {
  it("signs in, reads userinfo and the API, refreshes with rotation and revokes, all without a secret", async () => {
    const world = await publicApp();
    const as = await discover();
    const rp: oauth.Client = { client_id: world.clientId };
    const flow = await authorize(as, { clientId: world.clientId, scope: "openid profile email offline_access projects:read" }, { userId: world.member.id, groupId: world.group.id });

    const sent: Request[] = [];
    const recording = { ...insecure, [oauth.customFetch]: (url: string, init: RequestInit) => (sent.push(new Request(url, init)), appFetch(url, init)) };
    const params = oauth.validateAuthResponse(as, rp, flow.callback, flow.state);
    const response = await oauth.authorizationCodeGrantRequest(as, rp, oauth.None(), params, REDIRECT, flow.verifier, recording);
    const tokens = await oauth.processAuthorizationCodeResponse(as, rp, response);
    const form = new URLSearchParams(await sent[0].text());
    expect(sent[0].headers.has("authorization")).toBe(false);
    expect(form.has("client_secret")).toBe(false);
    expect(form.get("client_id")).toBe(world.clientId);
    expect(form.get("code_verifier")).toBe(flow.verifier);

    const claims = oauth.getValidatedIdTokenClaims(tokens)!;
    expect(claims).toMatchObject({ sub: world.member.id, group_id: world.group.id });
    const userinfo = await oauth.processUserInfoResponse(as, rp, claims.sub, await oauth.userInfoRequest(as, rp, tokens.access_token, insecure));
    expect(userinfo).toMatchObject({ sub: world.member.id, group_id: world.group.id, email: expect.stringContaining("@") });
    expect((await callApi(tokens.access_token, "/projects")).status).toBe(200);

    const refreshed = await oauth.processRefreshTokenResponse(as, rp, await oauth.refreshTokenGrantRequest(as, rp, oauth.None(), tokens.refresh_token!, insecure));
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    expect(oauth.getValidatedIdTokenClaims(refreshed)).toMatchObject({ group_id: world.group.id });
    const me = await callApi(refreshed.access_token, "/me");
    expect(await me.json()).toMatchObject({ id: world.member.id, group_id: world.group.id });

    await oauth.processRevocationResponse(await oauth.revocationRequest(as, rp, oauth.None(), refreshed.refresh_token!, insecure));
    expect((await callApi(refreshed.access_token, "/me")).status).toBe(401);
    const again = await oauth.refreshTokenGrantRequest(as, rp, oauth.None(), refreshed.refresh_token!, insecure);
    await expect(oauth.processRefreshTokenResponse(as, rp, again)).rejects.toMatchObject({ error: "invalid_grant" });
  });

  it("refuses a public app's request without PKCE, answering the app (its redirect URI is registered) with no code", async () => {
    const world = await publicApp();
    const as = await discover();
    const { landing, state } = await startAuthorization(newBrowser(), as, { clientId: world.clientId, redirectUri: REDIRECT, scope: "openid", pkce: false });
    expect(landing.origin + landing.pathname).toBe(REDIRECT);
    expect(landing.searchParams.get("error")).toBe("invalid_request");
    expect(landing.searchParams.get("error_description")).toMatch(/PKCE/);
    expect(landing.searchParams.get("state")).toBe(state);
    expect(landing.searchParams.get("iss")).toBe(as.issuer);
    expect(landing.searchParams.has("code")).toBe(false);
  });

  it("refuses the plain PKCE method: only S256", async () => {
    const world = await publicApp();
    const as = await discover();
    const extra = { code_challenge: oauth.generateRandomCodeVerifier(), code_challenge_method: "plain" };
    const { landing } = await startAuthorization(newBrowser(), as, { clientId: world.clientId, redirectUri: REDIRECT, scope: "openid", pkce: false, extra });
    expect(landing.searchParams.get("error")).toBe("invalid_request");
    expect(landing.searchParams.has("code")).toBe(false);
  });

  it("refuses a wrong or missing code_verifier and records the PKCE failure", async () => {
    const world = await publicApp();
    const as = await discover();
    const flow = await authorize(as, { clientId: world.clientId, scope: "openid projects:read" }, { userId: world.member.id, groupId: world.group.id });
    const code = flow.callback.searchParams.get("code")!;
    const base = { grant_type: "authorization_code", code, redirect_uri: REDIRECT, client_id: world.clientId };

    const wrong = await tokenRequest(as, { ...base, code_verifier: oauth.generateRandomCodeVerifier() });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: "invalid_grant" });
    const missing = await tokenRequest(as, base);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: "invalid_grant" });

    const events = await eventually(() => tokenRefusals(world.clientId), (rows) => rows.length >= 2);
    expect(events.map((event) => event.details)).toEqual([
      expect.objectContaining({ error: "invalid_grant", grantType: "authorization_code", detail: expect.stringMatching(/code_verifier/) }),
      expect.objectContaining({ error: "invalid_grant", grantType: "authorization_code", detail: expect.stringMatching(/code_verifier/) }),
    ]);
    expect(events[0]).toMatchObject({ groupId: world.group.id, targetType: "app", targetId: world.app.id });
  });

  it("does not let a public app exchange another app's code", async () => {
    const [owner, other] = [await publicApp(), await publicApp()];
    const as = await discover();
    const flow = await authorize(as, { clientId: owner.clientId, scope: "openid" }, { userId: owner.member.id, groupId: owner.group.id });
    await expect(exchangeCode(as, { clientId: other.clientId }, flow)).rejects.toMatchObject({ error: "invalid_grant" });
  });
});
