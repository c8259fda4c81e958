import { handleOidcRequest } from "@/lib/oidc/handle-request";
import { getOrigin } from "@/lib/config";

// Serves Tessera's OAuth endpoints in-process for integration tests: standard
// clients (openid-client, oauth4webapi) get this as their fetch, and a small
// cookie jar plays the browser.
export type Browser = { cookies: Map<string, string>; fetch: (url: string, init?: RequestInit) => Promise<Response> };

export async function serve(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  if (pathname.startsWith("/oidc/")) return handleOidcRequest(request, "/oidc");
  if (pathname === "/.well-known/oauth-authorization-server/oidc") {
    return handleOidcRequest(request, "/oidc", "/oidc/.well-known/openid-configuration");
  }
  const api = await import("./api-router");
  return api.routeApi(request);
}

// fetch for the app (server-to-server calls: token, introspection, API).
export const appFetch = (input: string | URL | Request, init?: RequestInit) => serve(new Request(input, init));

export function newBrowser(): Browser {
  const cookies = new Map<string, string>();
  const fetchWithCookies = async (url: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (cookies.size) headers.set("cookie", [...cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await serve(new Request(new URL(url, getOrigin()), { ...init, headers, redirect: "manual" }));
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const [name, ...rest] = pair.split("=");
      const expired = attributes.some((a) => /expires=Thu, 01 Jan 1970/i.test(a) || /max-age=0/i.test(a.trim()));
      if (expired) cookies.delete(name.trim());
      else cookies.set(name.trim(), rest.join("="));
    }
    return response;
  };
  return { cookies, fetch: fetchWithCookies };
}

export function cookieHeader(browser: Browser): string {
  return [...browser.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
}
