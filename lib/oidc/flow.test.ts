import { describe, expect, it } from "vitest";
import * as oauth from "oauth4webapi";
import { systemActor } from "@/lib/auth/actor";
import { addConsent } from "@/lib/consent/mutations";
import { createGroupWithMembers } from "@/lib/testing/factories";
import { createTestApp } from "@/lib/testing/app-factories";
import { appFetch, consent, discover, newBrowser, startAuthorization } from "@/lib/testing/oauth-flow";

const REDIRECT = "https://app.example.com/callback";

describe("authorization code flow (smoke)", () => {
  it("issues tokens bound to the chosen group", async () => {
    const { group, member } = await createGroupWithMembers();
    const { app, clientSecret } = await createTestApp(systemActor(), group.slug, {
      redirectUris: [{ uri: REDIRECT }],
      scopes: ["openid", "profile", "email", "offline_access", "projects:read", "projects:write"],
    });
    await addConsent(systemActor(), group.slug, { clientId: app.clientId });
    const as = await discover();
    const browser = newBrowser();
    const { verifier, state, landing } = await startAuthorization(browser, as, { clientId: app.clientId, redirectUri: REDIRECT, scope: "openid profile projects:read offline_access" });
    expect(landing.pathname).toMatch(/^\/interaction\//);
    const callback = await consent(browser, landing, member.id, { groupId: group.id, scopes: ["profile", "projects:read", "offline_access"] });
    expect(callback.origin + callback.pathname).toBe(REDIRECT);

    const client: oauth.Client = { client_id: app.clientId };
    const params = oauth.validateAuthResponse(as, client, callback, state);
    const options = { [oauth.customFetch]: appFetch, [oauth.allowInsecureRequests]: true };
    const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.ClientSecretBasic(clientSecret!), params, REDIRECT, verifier, options);
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, response);
    expect(tokens.refresh_token).toBeTruthy();
    const claims = oauth.getValidatedIdTokenClaims(tokens)!;
    expect(claims.sub).toBe(member.id);
    expect(claims.group_id).toBe(group.id);

    const me = await appFetch("http://localhost:3999/api/v1/me", { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(me.status).toBe(200);
  });
});
