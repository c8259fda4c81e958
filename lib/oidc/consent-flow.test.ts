import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { describeConsent } from "@/lib/oidc/consent";
import { listConnectedApps } from "@/lib/oidc/grants";
import { findInteraction } from "@/lib/oidc/interaction-context";
import { cookieHeader } from "@/lib/testing/oidc-harness";
import { authorize, callApi, discover, exchangeCode, installedApp, newBrowser, REDIRECT, startAuthorization } from "@/lib/testing/oauth-fixtures";

// The consent screen decides what a token may do: the group it acts in, and
// the permissions that survive every ceiling — what the app registered, what
// the group allowed (Add Consent), and what the person left checked.

type World = Awaited<ReturnType<typeof installedApp>>;
const memberOf = (world: World, grant?: string[]) => ({ userId: world.member.id, groupId: world.group.id, grant });
const scopesOf = (tokens: { scope?: string }) => (tokens.scope ?? "").split(" ").filter(Boolean).sort();

async function tokensFor(world: World, scope: string, grant?: string[]) {
  const as = await discover();
  const flow = await authorize(as, { clientId: world.clientId, scope }, memberOf(world, grant));
  return { as, flow, tokens: await exchangeCode(as, world, flow) };
}

describe("consent", () => {
  it("records the grant (oauth.consent_granted) with the chosen group and permissions", async () => {
    const world = await installedApp();
    await tokensFor(world, "openid profile projects:read", ["profile", "projects:read"]);
    const events = await getDb().auditEvent.findMany({ where: { action: "oauth.consent_granted", actorUserId: world.member.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ groupId: world.group.id, targetType: "app", targetId: world.app.id });
    expect(events[0].details).toMatchObject({ clientId: world.clientId, scopes: ["openid", "profile", "projects:read"] });
    const [connected] = await listConnectedApps(world.member.id);
    expect(connected).toMatchObject({ app: { clientId: world.clientId }, group: { slug: world.group.slug }, scopes: ["openid", "profile", "projects:read"] });
  });

  it("skips the screen for a previously granted, unchanged request, and asks again for a new permission", async () => {
    const world = await installedApp();
    const { as, flow } = await tokensFor(world, "openid profile projects:read", ["profile"]);
    const again = (scope: string) => startAuthorization(flow.browser, as, { clientId: world.clientId, redirectUri: REDIRECT, scope });

    for (const scope of ["openid profile projects:read", "openid profile"]) {
      const unchanged = await again(scope);
      expect(unchanged.landing.origin + unchanged.landing.pathname).toBe(REDIRECT);
      const tokens = await exchangeCode(as, world, { callback: unchanged.landing, state: unchanged.state, verifier: unchanged.verifier });
      expect(scopesOf(tokens)).toEqual(["openid", "profile"]);
      expect(await (await callApi(tokens.access_token, "/me")).json()).toMatchObject({ group_id: world.group.id });
    }
    expect(await getDb().auditEvent.count({ where: { action: "oauth.consent_granted", actorUserId: world.member.id } })).toBe(1);

    const changed = await again("openid profile projects:write");
    expect(changed.landing.pathname).toMatch(/^\/interaction\//);
  });

  it("asks again with prompt=consent even for an unchanged request", async () => {
    const world = await installedApp();
    const { as, flow } = await tokensFor(world, "openid profile");
    const forced = await startAuthorization(flow.browser, as, { clientId: world.clientId, redirectUri: REDIRECT, scope: "openid profile", extra: { prompt: "consent" } });
    expect(forced.landing.pathname).toMatch(/^\/interaction\//);
  });

  it("asks for the app's registered permissions when the request names none", async () => {
    const world = await installedApp({ scopes: ["openid", "profile", "projects:read"] });
    const as = await discover();
    const browser = newBrowser();
    const { landing } = await startAuthorization(browser, as, { clientId: world.clientId, redirectUri: REDIRECT });
    const details = await findInteraction(landing.pathname.split("/")[2], cookieHeader(browser));
    const screen = await describeConsent(details!, world.member.id);
    expect(screen.requested).toEqual(["openid", "profile", "projects:read"]);
    expect(screen.groups.map((group) => group.id)).toEqual([world.group.id]);
    expect(screen.redirectHost).toBe("app.example.com");
  });
});

describe("offline_access", () => {
  it("issues a refresh token only when the person allowed Stay connected", async () => {
    const world = await installedApp();
    const kept = await tokensFor(world, "openid offline_access projects:read", ["offline_access", "projects:read"]);
    expect(kept.tokens.refresh_token).toBeTruthy();

    const other = await installedApp();
    const declined = await tokensFor(other, "openid offline_access projects:read", ["projects:read"]);
    expect(declined.tokens.refresh_token).toBeUndefined();
    expect(scopesOf(declined.tokens)).toEqual(["openid", "projects:read"]);
  });

  it("issues no refresh token to an app that may not ask for offline_access, or to a group that did not allow it", async () => {
    const unregistered = await installedApp({ scopes: ["openid", "projects:read"] });
    expect((await tokensFor(unregistered, "openid offline_access projects:read", ["offline_access", "projects:read"])).tokens.refresh_token).toBeUndefined();
    const capped = await installedApp({ ceiling: ["openid", "projects:read"] });
    expect((await tokensFor(capped, "openid offline_access projects:read", ["offline_access", "projects:read"])).tokens.refresh_token).toBeUndefined();
  });
});

describe("what tokens carry", () => {
  it("carries only the permissions the person left checked", async () => {
    const world = await installedApp();
    const { tokens } = await tokensFor(world, "openid profile email projects:read projects:write", ["projects:read"]);
    expect(scopesOf(tokens)).toEqual(["openid", "projects:read"]);
    expect((await callApi(tokens.access_token, "/projects")).status).toBe(200);
    const write = await callApi(tokens.access_token, "/projects", { method: "POST", json: { name: "Not allowed" } });
    expect(write.status).toBe(403);
    expect(write.headers.get("www-authenticate")).toMatch(/insufficient_scope/);
    const me = await (await callApi(tokens.access_token, "/me")).json();
    expect(me.name).toBeUndefined();
    expect(me.email).toBeUndefined();
  });

  it("never carries more than the group's ceiling from Add Consent, or what the app registered", async () => {
    const world = await installedApp({ scopes: ["openid", "profile", "projects:read", "projects:write"], ceiling: ["openid", "projects:read"] });
    const { tokens } = await tokensFor(world, "openid profile projects:read projects:write work_items:write", ["profile", "projects:read", "projects:write", "work_items:write"]);
    expect(scopesOf(tokens)).toEqual(["openid", "projects:read"]);
    expect((await callApi(tokens.access_token, "/projects", { method: "POST", json: { name: "Over the ceiling" } })).status).toBe(403);
    expect(await getDb().project.count({ where: { groupId: world.group.id } })).toBe(0);
  });

  it("applies a lowered ceiling at the next API call, to tokens already issued", async () => {
    const world = await installedApp();
    const { tokens } = await tokensFor(world, "openid projects:read projects:write");
    expect((await callApi(tokens.access_token, "/projects", { method: "POST", json: { name: "Before" } })).status).toBe(201);
    await getDb().installation.update({ where: { id: world.installationId }, data: { scopes: ["openid", "projects:read"] } });
    expect((await callApi(tokens.access_token, "/projects", { method: "POST", json: { name: "After" } })).status).toBe(403);
    expect((await callApi(tokens.access_token, "/projects")).status).toBe(200);
  });
});
