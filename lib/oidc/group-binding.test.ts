import { describe, expect, it } from "vitest";
import * as oauth from "oauth4webapi";
import { systemActor } from "@/lib/auth/actor";
import { addConsent } from "@/lib/consent/mutations";
import { getDb } from "@/lib/db";
import { completeLogin, confirmConsent, describeConsent } from "@/lib/oidc/consent";
import { findInteraction } from "@/lib/oidc/interaction-context";
import { createTestApp } from "@/lib/testing/app-factories";
import { refusal } from "@/lib/testing/consent-factories";
import { createGroup, createGroupWithMembers, createUser } from "@/lib/testing/factories";
import { cookieHeader } from "@/lib/testing/oidc-harness";
import { APP_SCOPES, appFetch, authorize, callApi, discover, exchangeCode, follow, introspect, newBrowser, refresh, REDIRECT, startAuthorization } from "@/lib/testing/oauth-fixtures";

// A user token acts in exactly one group, picked on the consent screen among
// the groups where the person is a member AND the app is installed.

// An Organization app in an organization with groups A and B, installed in
// the groups named by `installIn`; `person` is a member of A and B.
async function organizationApp(installIn: ("a" | "b")[]) {
  const { organization, group: a } = await createGroupWithMembers();
  const b = await createGroup(organization.id, "B");
  const person = await createUser([[a.id, "MEMBER"], [b.id, "MEMBER"]]);
  const { app, clientSecret } = await createTestApp(systemActor(), a.slug, { availability: "ORGANIZATION", scopes: APP_SCOPES, redirectUris: [{ uri: REDIRECT }] });
  for (const group of installIn.map((key) => ({ a, b })[key])) await addConsent(systemActor(), group.slug, { clientId: app.clientId });
  return { a, b, person, clientId: app.clientId, clientSecret: clientSecret! };
}

// Opens the consent screen for `userId` (signed in through the login step).
async function screenFor(clientId: string, userId: string) {
  const as = await discover();
  const browser = newBrowser();
  const { landing } = await startAuthorization(browser, as, { clientId, redirectUri: REDIRECT, scope: "openid projects:read" });
  const login = await findInteraction(landing.pathname.split("/")[2], cookieHeader(browser));
  const atConsent = await follow(browser, await completeLogin(login!, cookieHeader(browser), userId));
  const details = (await findInteraction(atConsent.pathname.split("/")[2], cookieHeader(browser)))!;
  return { details, browser, screen: await describeConsent(details, userId) };
}

describe("group selection", () => {
  it("offers only groups where the app is installed, and refuses one where it is not", async () => {
    const world = await organizationApp(["a"]);
    const { details, browser, screen } = await screenFor(world.clientId, world.person.id);
    expect(screen.groups.map((group) => group.id)).toEqual([world.a.id]);

    await expect(confirmConsent(details, cookieHeader(browser), world.person.id, { groupId: world.b.id, scopes: ["projects:read"] })).rejects.toEqual(refusal("FORBIDDEN"));
    expect(await getDb().appGrant.count({ where: { userId: world.person.id } })).toBe(0);
    // The same interaction still completes with an eligible group.
    const next = await confirmConsent(details, cookieHeader(browser), world.person.id, { groupId: world.a.id, scopes: ["projects:read"] });
    expect(next).toContain("/oidc/auth/");
  });

  it("refuses a group the person is not a member of, even where the app is installed", async () => {
    const world = await organizationApp(["a", "b"]);
    const onlyInA = await createUser([[world.a.id, "MEMBER"]]);
    const { details, browser, screen } = await screenFor(world.clientId, onlyInA.id);
    expect(screen.groups.map((group) => group.id)).toEqual([world.a.id]);
    await expect(confirmConsent(details, cookieHeader(browser), onlyInA.id, { groupId: world.b.id, scopes: [] })).rejects.toEqual(refusal("FORBIDDEN"));
  });

  it("offers no group to someone outside every group where the app is installed", async () => {
    const world = await organizationApp(["a"]);
    const outsider = await createUser();
    const { details, browser, screen } = await screenFor(world.clientId, outsider.id);
    expect(screen.groups).toEqual([]);
    await expect(confirmConsent(details, cookieHeader(browser), outsider.id, { groupId: world.a.id, scopes: [] })).rejects.toEqual(refusal("FORBIDDEN"));
  });

  it("offers no group for an app registered but never installed (registration enables nothing)", async () => {
    const world = await organizationApp([]);
    const { screen } = await screenFor(world.clientId, world.person.id);
    expect(screen.groups).toEqual([]);
  });

  it("binds the tokens to the chosen group, in the API, userinfo, introspection, and across refresh", async () => {
    const world = await organizationApp(["a", "b"]);
    const as = await discover();
    const { screen } = await screenFor(world.clientId, world.person.id);
    expect(screen.groups.map((group) => group.id).sort()).toEqual([world.a.id, world.b.id].sort());

    const flow = await authorize(as, { clientId: world.clientId, scope: "openid offline_access group:read projects:read projects:write" }, { userId: world.person.id, groupId: world.b.id });
    const tokens = await exchangeCode(as, world, flow);
    const group = await (await callApi(tokens.access_token, "/group")).json();
    expect(group).toMatchObject({ id: world.b.id, slug: world.b.slug });
    const created = await callApi(tokens.access_token, "/projects", { method: "POST", json: { name: "In B" } });
    expect(created.status).toBe(201);
    expect(await getDb().project.findMany({ where: { name: "In B" }, select: { groupId: true } })).toEqual([{ groupId: world.b.id }]);

    const refreshed = await refresh(as, world, tokens.refresh_token!);
    expect(oauth.getValidatedIdTokenClaims(refreshed)).toMatchObject({ group_id: world.b.id });
    expect((await introspect(as, world, refreshed.access_token)).group_id).toBe(world.b.id);
    expect((await (await callApi(refreshed.access_token, "/me")).json()).group_id).toBe(world.b.id);
    const userinfo = await appFetch(as.userinfo_endpoint!, { headers: { authorization: `Bearer ${refreshed.access_token}` } });
    expect(await userinfo.json()).toMatchObject({ sub: world.person.id, group_id: world.b.id });
  });
});
