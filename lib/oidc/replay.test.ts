import { describe, expect, it } from "vitest";
import type * as oauth from "oauth4webapi";
import { authorize, callApi, discover, eventually, exchangeCode, installedApp, introspect, refresh, REDIRECT, tokenRefusals, tokenRequest } from "@/lib/testing/oauth-fixtures";

// A code or refresh token used twice means someone else has it: the request
// is refused, and everything issued from that grant dies with it.

type World = Awaited<ReturnType<typeof installedApp>>;
const SCOPE = "openid offline_access projects:read";

async function codeFor(world: World) {
  const as = await discover();
  const flow = await authorize(as, { clientId: world.clientId, scope: SCOPE }, { userId: world.member.id, groupId: world.group.id });
  const exchange = { grant_type: "authorization_code", code: flow.callback.searchParams.get("code")!, redirect_uri: REDIRECT, code_verifier: flow.verifier, client_id: world.clientId, client_secret: world.clientSecret! };
  return { as, flow, exchange };
}

const refreshWith = (as: oauth.AuthorizationServer, world: World, refreshToken: string) =>
  tokenRequest(as, { grant_type: "refresh_token", refresh_token: refreshToken, client_id: world.clientId, client_secret: world.clientSecret! });

async function expectDead(as: oauth.AuthorizationServer, world: World, tokens: { access_token: string; refresh_token?: string }) {
  expect((await callApi(tokens.access_token, "/me")).status).toBe(401);
  expect((await introspect(as, world, tokens.access_token)).active).toBe(false);
  if (tokens.refresh_token) {
    expect((await introspect(as, world, tokens.refresh_token)).active).toBe(false);
    const response = await refreshWith(as, world, tokens.refresh_token);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_grant" });
  }
}

describe("code replay", () => {
  it("refuses a second use of a code and ends the tokens the first use got", async () => {
    const world = await installedApp();
    const { as, flow, exchange } = await codeFor(world);
    const tokens = await exchangeCode(as, world, flow);
    expect((await callApi(tokens.access_token, "/me")).status).toBe(200);

    const replay = await tokenRequest(as, exchange);
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({ error: "invalid_grant" });
    await expectDead(as, world, tokens);

    const events = await eventually(() => tokenRefusals(world.clientId), (rows) => rows.length > 0);
    expect(events[0].details).toMatchObject({ error: "invalid_grant", grantType: "authorization_code", detail: expect.stringMatching(/already (consumed|used)/) });
  });

  it("lets only one of two simultaneous uses of a code through, and ends its tokens too", async () => {
    const world = await installedApp();
    const { as, exchange } = await codeFor(world);
    const responses = await Promise.all([tokenRequest(as, exchange), tokenRequest(as, exchange)]);
    expect(responses.map((response) => response.status).sort()).toEqual([200, 400]);
    const winner = await responses.find((response) => response.status === 200)!.json();
    await expectDead(as, world, winner);
  });
});

describe("refresh token reuse", () => {
  it("rotates refresh tokens, and a reused one ends the whole grant", async () => {
    const world = await installedApp();
    const { as, flow } = await codeFor(world);
    const first = await exchangeCode(as, world, flow);
    const second = await refresh(as, world, first.refresh_token!);
    const third = await refresh(as, world, second.refresh_token!);
    expect(new Set([first.refresh_token, second.refresh_token, third.refresh_token]).size).toBe(3);
    expect((await callApi(third.access_token, "/me")).status).toBe(200);

    const reuse = await refreshWith(as, world, first.refresh_token!);
    expect(reuse.status).toBe(400);
    expect(await reuse.json()).toMatchObject({ error: "invalid_grant" });
    // The legitimate holder's newest tokens die too: the grant is gone.
    await expectDead(as, world, third);
    await expectDead(as, world, second);

    const events = await eventually(() => tokenRefusals(world.clientId), (rows) => rows.some((row) => /already used/.test(String((row.details as { detail?: string }).detail))));
    expect(events.map((row) => row.details)).toContainEqual(expect.objectContaining({ error: "invalid_grant", grantType: "refresh_token", detail: expect.stringMatching(/already used/) }));
  });

  it("ends the grant when two refreshes race with one refresh token", async () => {
    const world = await installedApp();
    const { as, flow } = await codeFor(world);
    const tokens = await exchangeCode(as, world, flow);
    const responses = await Promise.all([refreshWith(as, world, tokens.refresh_token!), refreshWith(as, world, tokens.refresh_token!)]);
    expect(responses.map((response) => response.status).sort()).toEqual([200, 400]);
    await expectDead(as, world, await responses.find((response) => response.status === 200)!.json());
  });
});

describe("client authentication", () => {
  it("refuses a wrong or another app's secret (form or Basic) and records each refusal", async () => {
    const [world, other] = [await installedApp(), await installedApp()];
    const { as, exchange } = await codeFor(world);
    const { client_secret: _secret, ...withoutSecret } = exchange;
    const basic = (secret: string) => `Basic ${Buffer.from(`${world.clientId}:${secret}`).toString("base64")}`;
    const attempts = await Promise.all([
      tokenRequest(as, { ...exchange, client_secret: "wrong" }),
      tokenRequest(as, { ...exchange, client_secret: other.clientSecret! }),
      tokenRequest(as, withoutSecret, { authorization: basic(`${world.clientSecret}x`) }),
    ]);
    for (const response of attempts) {
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: "invalid_client" });
    }
    const events = await eventually(() => tokenRefusals(world.clientId), (rows) => rows.length >= 3);
    expect(events).toHaveLength(3);
    expect(events.map((event) => event.details)).toEqual(Array(3).fill(expect.objectContaining({ error: "invalid_client", grantType: "authorization_code" })));
    expect(events[0]).toMatchObject({ groupId: world.group.id, targetType: "app", targetId: world.app.id });

    // No secret at all is refused too, and none of those attempts spent the code.
    for (const secret of [undefined, ""]) {
      const response = await tokenRequest(as, secret === undefined ? withoutSecret : { ...exchange, client_secret: secret });
      expect([400, 401]).toContain(response.status);
      expect((await response.json()).access_token).toBeUndefined();
    }
    expect((await tokenRequest(as, exchange)).status).toBe(200);
  });
});
