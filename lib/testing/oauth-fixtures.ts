import * as oauth from "oauth4webapi";
import * as client from "openid-client";
import { systemActor } from "@/lib/auth/actor";
import type { ScopeId } from "@/lib/apps/scopes";
import { addConsent } from "@/lib/consent/mutations";
import { getOrigin } from "@/lib/config";
import { getDb } from "@/lib/db";
import { completeLogin, denyConsent } from "@/lib/oidc/consent";
import { findInteraction } from "@/lib/oidc/interaction-context";
import { createTestApp } from "./app-factories";
import { createGroupWithMembers } from "./factories";
import { appFetch, consent, discover, follow, issuerUrl, newBrowser, startAuthorization, type FlowOptions } from "./oauth-flow";
import { cookieHeader, type Browser } from "./oidc-harness";

// Scenario builders for the authorization server's integration tests: an app
// registered and consented in a fresh group, the person's side of the flow,
// and the app's side with standard clients (oauth4webapi, openid-client).

export const REDIRECT = "https://app.example.com/callback";
export const API = () => `${getOrigin()}/api/v1`;
export const APP_SCOPES: ScopeId[] = ["openid", "profile", "email", "offline_access", "group:read", "projects:read", "projects:write"];
export const insecure = { [oauth.customFetch]: appFetch, [oauth.allowInsecureRequests]: true } as const;

type AppOptions = { clientType?: "CONFIDENTIAL" | "PUBLIC"; scopes?: ScopeId[]; ceiling?: ScopeId[]; redirectUris?: string[] };

// A group (admin, member, viewer, outsider) with an app registered in it and
// consented there (Add Consent) up to `ceiling` (default: all its scopes).
export async function installedApp(options: AppOptions = {}) {
  const world = await createGroupWithMembers();
  const { app, clientSecret } = await createTestApp(systemActor(), world.group.slug, {
    clientType: options.clientType ?? "CONFIDENTIAL",
    redirectUris: (options.redirectUris ?? [REDIRECT]).map((uri) => ({ uri })),
    scopes: options.scopes ?? APP_SCOPES,
  });
  const { installationId } = await addConsent(systemActor(), world.group.slug, { clientId: app.clientId, scopes: options.ceiling });
  return { ...world, app, clientId: app.clientId, clientSecret: clientSecret ?? undefined, installationId };
}

export type Person = { userId: string; groupId: string; grant?: string[] };

// The browser side: the authorization request, the person's sign-in and
// "Allow" with a group and the permissions left checked (by default, all
// that were asked for). Answers the URL the browser lands on at the app.
export type AuthorizeOptions = Omit<FlowOptions, "redirectUri"> & { redirectUri?: string };

export async function authorize(as: oauth.AuthorizationServer, flow: AuthorizeOptions, person: Person, browser: Browser = newBrowser()) {
  const started = await startAuthorization(browser, as, { ...flow, redirectUri: flow.redirectUri ?? REDIRECT });
  const asked = (flow.scope ?? "").split(" ").filter(Boolean);
  const callback = started.landing.pathname.startsWith("/interaction/")
    ? await consent(browser, started.landing, person.userId, { groupId: person.groupId, scopes: person.grant ?? asked })
    : started.landing;
  return { ...started, callback, browser };
}

// The person clicks "Deny" (after signing in, if asked to).
export async function deny(browser: Browser, landing: URL, userId: string): Promise<URL> {
  const uid = (at: URL) => at.pathname.split("/")[2];
  let details = await findInteraction(uid(landing), cookieHeader(browser));
  if (details?.prompt.name === "login") {
    const next = await follow(browser, await completeLogin(details, cookieHeader(browser), userId));
    details = await findInteraction(uid(next), cookieHeader(browser));
  }
  if (!details) throw new Error("interaction not found");
  return follow(browser, await denyConsent(details, cookieHeader(browser)));
}

// The app's side with oauth4webapi: exchanges the code from `callback`.
export async function exchangeCode(
  as: oauth.AuthorizationServer,
  app: { clientId: string; clientSecret?: string },
  flow: { callback: URL; state: string; verifier: string },
  redirectUri = REDIRECT,
) {
  const rp: oauth.Client = { client_id: app.clientId };
  const auth = app.clientSecret ? oauth.ClientSecretBasic(app.clientSecret) : oauth.None();
  const params = oauth.validateAuthResponse(as, rp, flow.callback, flow.state);
  const response = await oauth.authorizationCodeGrantRequest(as, rp, auth, params, redirectUri, flow.verifier, insecure);
  return oauth.processAuthorizationCodeResponse(as, rp, response);
}

export async function refresh(as: oauth.AuthorizationServer, app: { clientId: string; clientSecret?: string }, refreshToken: string) {
  const rp: oauth.Client = { client_id: app.clientId };
  const auth = app.clientSecret ? oauth.ClientSecretBasic(app.clientSecret) : oauth.None();
  const response = await oauth.refreshTokenGrantRequest(as, rp, auth, refreshToken, insecure);
  return oauth.processRefreshTokenResponse(as, rp, response);
}

// A raw token endpoint call (form body), for refusals standard clients won't send.
export function tokenRequest(as: oauth.AuthorizationServer, body: Record<string, string>, headers: Record<string, string> = {}) {
  return appFetch(as.token_endpoint!, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(body).toString(),
  });
}

// Signs a member in and returns tokens (code + PKCE, Basic auth if confidential).
export async function signIn(
  app: { clientId: string; clientSecret?: string },
  person: Person,
  scope = "openid profile offline_access projects:read projects:write",
) {
  const as = await discover();
  const flow = await authorize(as, { clientId: app.clientId, scope }, person);
  return { as, flow, tokens: await exchangeCode(as, app, flow) };
}

// Calls the Tessera API with a bearer token.
export function callApi(token: string, path: string, init: { method?: string; json?: unknown } = {}) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (init.json !== undefined) headers["content-type"] = "application/json";
  return appFetch(`${API()}${path}`, { method: init.method ?? "GET", headers, body: init.json === undefined ? undefined : JSON.stringify(init.json) });
}

export async function introspect(as: oauth.AuthorizationServer, app: { clientId: string; clientSecret?: string }, token: string) {
  const rp: oauth.Client = { client_id: app.clientId };
  const response = await oauth.introspectionRequest(as, rp, oauth.ClientSecretBasic(app.clientSecret!), token, insecure);
  return oauth.processIntrospectionResponse(as, rp, response);
}

// openid-client, configured from discovery, talking to Tessera in-process.
export function openidClient(clientId: string, clientSecret?: string, auth?: client.ClientAuth, algorithm: "oidc" | "oauth2" = "oidc") {
  return client.discovery(issuerUrl(), clientId, clientSecret, auth, { [client.customFetch]: (url, options) => appFetch(url, options as RequestInit), execute: [client.allowInsecureRequests], algorithm });
}

// Token requests refused for this app (audit action oauth.token_refused).
export function tokenRefusals(clientId: string) {
  return getDb().auditEvent.findMany({ where: { action: "oauth.token_refused", actorLabel: `client ${clientId}` }, orderBy: { at: "asc" } });
}

// Refusal audit events are written off the request path: wait for them.
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 2000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export { appFetch, discover, newBrowser, startAuthorization, follow };
