import { OAuthClient } from "@makeplane/plane-node-sdk";
import { systemActor, userActor } from "@/lib/auth/actor";
import { SCOPE_IDS, type ScopeId } from "@/lib/apps/scopes";
import { addConsent } from "@/lib/consent/mutations";
import { getOrigin } from "@/lib/config";
import { createGroupWithMembers } from "./factories";
import { createTestApp } from "./app-factories";
import { appFetch, consent, follow, newBrowser } from "./oauth-flow";

// Builders for the Plane-compatibility tests: an app registered and consented
// in a fresh group (as Plane's "install"), the person's side of the flow for
// an authorization URL built by any client, and raw calls to /auth/o/*.

export const PLANE_REDIRECT = "https://plane-app.example.com/oauth/callback";
export const PLANE_SCOPES: ScopeId[] = ["openid", "profile", "offline_access", "projects:read", "projects:write"];

type Options = {
  scopes?: ScopeId[];
  ceiling?: ScopeId[];
  clientType?: "CONFIDENTIAL" | "PUBLIC";
  webhookUrl?: string;
  availability?: "GROUP" | "ORGANIZATION";
};

// A group with an admin (who installs the app: Add Consent), a member, a
// viewer and an outsider; the app registered in it and installed there.
export async function planeWorld(options: Options = {}) {
  const world = await createGroupWithMembers();
  const { app, clientSecret } = await createTestApp(systemActor(), world.group.slug, {
    clientType: options.clientType ?? "CONFIDENTIAL",
    redirectUris: [{ uri: PLANE_REDIRECT }],
    scopes: options.scopes ?? PLANE_SCOPES,
    webhookUrl: options.webhookUrl ?? "",
    availability: options.availability ?? "GROUP",
  });
  // callbackUrl: where Add Consent sends the admin (Plane's install callback).
  const { installationId, callbackUrl } = await addConsent(userActor(world.admin), world.group.slug, { clientId: app.clientId, scopes: options.ceiling });
  return { ...world, app, clientId: app.clientId, clientSecret: clientSecret ?? "", installationId, installCallback: callbackUrl };
}

export type PlaneWorld = Awaited<ReturnType<typeof planeWorld>>;

export const sdkClient = (baseUrl: string, world: { clientId: string; clientSecret: string }) =>
  new OAuthClient({ baseUrl, clientId: world.clientId, clientSecret: world.clientSecret, redirectUri: PLANE_REDIRECT });

// The person opens an authorization URL (built against `baseUrl`, e.g. by the
// SDK), signs in and allows it in `groupId`. Answers the app's callback URL.
export async function approveInBrowser(authorizationUrl: string, baseUrl: string, person: { userId: string; groupId: string; scopes?: string[] }) {
  const url = new URL(authorizationUrl);
  if (url.origin !== baseUrl) throw new Error(`authorization URL ${authorizationUrl} is not at ${baseUrl}`);
  const browser = newBrowser();
  const landing = await follow(browser, `${getOrigin()}${url.pathname}${url.search}`);
  if (!landing.pathname.startsWith("/interaction/")) return landing;
  // By default the person leaves every permission asked for checked.
  return consent(browser, landing, person.userId, { groupId: person.groupId, scopes: person.scopes ?? [...SCOPE_IDS] });
}

// POST /auth/o/token/ as a form (optionally with HTTP Basic) or a JSON body.
export async function planeToken(body: Record<string, string>, options: { json?: boolean; basic?: [string, string] } = {}) {
  const headers: Record<string, string> = { "content-type": options.json ? "application/json" : "application/x-www-form-urlencoded" };
  if (options.basic) headers.authorization = `Basic ${Buffer.from(options.basic.join(":")).toString("base64")}`;
  const response = await appFetch(`${getOrigin()}/auth/o/token/`, {
    method: "POST",
    headers,
    body: options.json ? JSON.stringify(body) : new URLSearchParams(body).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export const botToken = (world: { clientId: string; clientSecret: string }, installationId: string, extra: Record<string, string> = {}) =>
  planeToken({ grant_type: "client_credentials", app_installation_id: installationId, ...extra }, { basic: [world.clientId, world.clientSecret] });

export async function appInstallations(token: string, id?: string) {
  const response = await appFetch(`${getOrigin()}/auth/o/app-installation/${id === undefined ? "" : `?id=${encodeURIComponent(id)}`}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

export function callApi(token: string, path: string, init: { method?: string; json?: unknown } = {}) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (init.json !== undefined) headers["content-type"] = "application/json";
  return appFetch(`${getOrigin()}/api/v1${path}`, { method: init.method ?? "GET", headers, body: init.json === undefined ? undefined : JSON.stringify(init.json) });
}

// RFC 7662 introspection by the app (HTTP Basic).
export async function introspect(world: { clientId: string; clientSecret: string }, token: string) {
  const response = await appFetch(`${getOrigin()}/oidc/token/introspection`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${Buffer.from(`${world.clientId}:${world.clientSecret}`).toString("base64")}` },
    body: new URLSearchParams({ token }).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
