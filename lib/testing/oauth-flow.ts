import * as oauth from "oauth4webapi";
import { getOrigin } from "@/lib/config";
import { completeLogin, confirmConsent } from "@/lib/oidc/consent";
import { findInteraction } from "@/lib/oidc/interaction-context";
import { appFetch, cookieHeader, newBrowser, type Browser } from "./oidc-harness";

export const issuerUrl = () => new URL(`${getOrigin()}/oidc`);

export async function discover(): Promise<oauth.AuthorizationServer> {
  const response = await oauth.discoveryRequest(issuerUrl(), { [oauth.customFetch]: appFetch, [oauth.allowInsecureRequests]: true });
  return oauth.processDiscoveryResponse(issuerUrl(), response);
}

export type FlowOptions = { clientId: string; redirectUri: string; scope?: string; resource?: string; pkce?: boolean; extra?: Record<string, string> };

// Starts an authorization request in a (cookie-jar) browser and follows
// redirects until Tessera needs the person (an interaction) or answers the app.
export async function startAuthorization(browser: Browser, as: oauth.AuthorizationServer, options: FlowOptions) {
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const url = new URL(as.authorization_endpoint!);
  const params: Record<string, string> = { client_id: options.clientId, redirect_uri: options.redirectUri, response_type: "code", state, ...options.extra };
  if (options.scope !== undefined) params.scope = options.scope;
  if (options.resource) params.resource = options.resource;
  if (options.pkce !== false) Object.assign(params, { code_challenge: await oauth.calculatePKCECodeChallenge(verifier), code_challenge_method: "S256" });
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return { verifier, state, landing: await follow(browser, url.toString()) };
}

// Follows 3xx responses inside Tessera; stops at an interaction page or at
// the first URL outside Tessera (the app's redirect URI).
export async function follow(browser: Browser, url: string): Promise<URL> {
  let next = new URL(url, getOrigin());
  for (let hops = 0; hops < 10; hops++) {
    if (next.origin !== getOrigin() || next.pathname.startsWith("/interaction/")) return next;
    const response = await browser.fetch(next.toString());
    const location = response.headers.get("location");
    if (response.status < 300 || response.status >= 400 || !location) return next;
    next = new URL(location, next);
  }
  throw new Error("too many redirects");
}

const uidOf = (landing: URL) => landing.pathname.split("/")[2];

// The person signs in (reusing their Tessera session) and allows the request.
export async function consent(browser: Browser, landing: URL, userId: string, choice: { groupId: string; scopes: string[] }) {
  let at = landing;
  let details = await findInteraction(uidOf(at), cookieHeader(browser));
  if (details?.prompt.name === "login") {
    at = await follow(browser, await completeLogin(details, cookieHeader(browser), userId));
    if (!at.pathname.startsWith("/interaction/")) return at;
    details = await findInteraction(uidOf(at), cookieHeader(browser));
  }
  if (!details) throw new Error("interaction not found");
  return follow(browser, await confirmConsent(details, cookieHeader(browser), userId, choice));
}

export { newBrowser, appFetch };
