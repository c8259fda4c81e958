import { describe, expect, it } from "vitest";
import * as oauth from "oauth4webapi";
import { setAppStatus } from "@/lib/testing/consent-factories";
import { authorize, discover, exchangeCode, installedApp, newBrowser, REDIRECT, tokenRequest } from "@/lib/testing/oauth-fixtures";

// Where the browser goes back to is the one thing an attacker wants to
// choose: an unverified redirect URI gets Tessera's error page, never a
// redirect (RFC 6749 §4.1.2.1), and redirect URIs match exactly.

async function requestAuthorization(clientId: string, redirectUri: string | undefined) {
  const as = await discover();
  const url = new URL(as.authorization_endpoint!);
  const verifier = oauth.generateRandomCodeVerifier();
  const params: Record<string, string> = {
    client_id: clientId, response_type: "code", scope: "openid", state: "s", code_challenge: await oauth.calculatePKCECodeChallenge(verifier), code_challenge_method: "S256",
  };
  if (redirectUri !== undefined) params.redirect_uri = redirectUri;
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return newBrowser().fetch(url.toString());
}

async function expectErrorPage(response: Response, error: string) {
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.headers.get("location")).toBeNull();
  expect(response.headers.get("content-type")).toMatch(/text\/html/);
  const page = await response.text();
  expect(page).toContain("Tessera");
  expect(page).toContain(`<code>${error}</code>`);
  expect(page).not.toMatch(/http-equiv="refresh"|window\.location/i);
}

const NEAR_MISSES = [
  ["a trailing slash", `${REDIRECT}/`],
  ["another letter case in the path", "https://app.example.com/Callback"],
  ["another letter case in the host", "https://APP.example.com/callback"],
  ["an added query", `${REDIRECT}?next=/admin`],
  ["an added fragment", `${REDIRECT}#x`],
  ["http instead of https", "http://app.example.com/callback"],
  ["an explicit port", "https://app.example.com:443/callback"],
  ["another port", "https://app.example.com:8443/callback"],
  ["a suffixed host", "https://app.example.com.evil.example/callback"],
  ["userinfo in the URL", "https://app.example.com@evil.example/callback"],
  ["a path below it", `${REDIRECT}/../../evil`],
  ["a sub-path", `${REDIRECT}/more`],
  ["an unrelated site", "https://evil.example/callback"],
] as const;

describe("redirect URIs", () => {
  it.each(NEAR_MISSES)("shows the error page, with no redirect, for %s", async (_label, redirectUri) => {
    const { clientId } = await installedApp();
    await expectErrorPage(await requestAuthorization(clientId, redirectUri), "invalid_redirect_uri");
  });

  it("shows the error page for another app's registered redirect URI", async () => {
    const [app, other] = [await installedApp(), await installedApp({ redirectUris: ["https://other.example/cb"] })];
    expect(other.app.redirectUris).toEqual(["https://other.example/cb"]);
    await expectErrorPage(await requestAuthorization(app.clientId, "https://other.example/cb"), "invalid_redirect_uri");
  });

  it("shows the error page for an unknown or suspended client, whatever redirect URI it names", async () => {
    await expectErrorPage(await requestAuthorization("no-such-client", REDIRECT), "invalid_client");
    const { app, clientId } = await installedApp();
    await setAppStatus(app.id, "SUSPENDED");
    await expectErrorPage(await requestAuthorization(clientId, REDIRECT), "invalid_client");
  });

  it("requires the redirect URI when an app registered several, and accepts omitting the only one", async () => {
    const several = await installedApp({ redirectUris: [REDIRECT, "https://app.example.com/other"] });
    await expectErrorPage(await requestAuthorization(several.clientId, undefined), "invalid_request");
    const single = await installedApp();
    const response = await requestAuthorization(single.clientId, undefined);
    expect(response.status).toBe(303);
    expect(new URL(response.headers.get("location")!, "http://localhost:3999").pathname).toMatch(/^\/interaction\//);
  });

  it("redeems a code only with the redirect URI it was issued for", async () => {
    const other = "https://app.example.com/other";
    const world = await installedApp({ redirectUris: [REDIRECT, other] });
    const as = await discover();
    const flow = await authorize(as, { clientId: world.clientId, scope: "openid" }, { userId: world.member.id, groupId: world.group.id });
    const base = { grant_type: "authorization_code", code: flow.callback.searchParams.get("code")!, code_verifier: flow.verifier, client_id: world.clientId, client_secret: world.clientSecret! };

    const mismatch = await tokenRequest(as, { ...base, redirect_uri: other });
    expect(mismatch.status).toBe(400);
    expect(await mismatch.json()).toMatchObject({ error: "invalid_grant" });
    const missing = await tokenRequest(as, base);
    expect(await missing.json()).toMatchObject({ error: "invalid_request" });
    // The app that does it right still gets its tokens.
    expect((await exchangeCode(as, world, flow)).access_token).toBeTruthy();
  });
});
