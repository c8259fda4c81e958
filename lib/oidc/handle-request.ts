import { getProvider } from "./provider";
import { toNodeRequest } from "./bridge";
import { findClientScopes } from "./clients";
import { withInstallationId } from "./plane-compat";

const CLIENT_AUTH_ENDPOINTS = /\/(token|token\/introspection|token\/revocation)\/?$/;

// RFC 6749 §2.3.1 lets a confidential client send its secret in the form body
// (client_secret_post) or in HTTP Basic. Registrations use Basic; a secret in
// the body is moved there, so apps may use either.
function moveSecretToBasic(request: Request, pathname: string, body: Buffer): { body: Buffer; authorization?: string } {
  const form = request.headers.get("content-type")?.startsWith("application/x-www-form-urlencoded");
  if (!form || request.headers.has("authorization") || !CLIENT_AUTH_ENDPOINTS.test(pathname)) return { body };
  const params = new URLSearchParams(body.toString("utf8"));
  const clientId = params.get("client_id");
  const secret = params.get("client_secret");
  if (!clientId || secret === null) return { body };
  params.delete("client_secret");
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, "+");
  const authorization = `Basic ${Buffer.from(`${encode(clientId)}:${encode(secret)}`).toString("base64")}`;
  return { body: Buffer.from(params.toString()), authorization };
}

// An authorization request without `scope` asks for the app's registered
// permissions (what Plane-style apps expect).
function withDefaultScope(request: Request, pathname: string): Request {
  const url = new URL(request.url);
  if (request.method !== "GET" || !/\/auth\/?$/.test(pathname) || url.searchParams.has("scope")) return request;
  const scopes = findClientScopes(url.searchParams.get("client_id") ?? "");
  if (!scopes) return request;
  url.searchParams.set("scope", scopes.join(" "));
  return new Request(url, { headers: request.headers, method: "GET" });
}

// Serves one request with the embedded provider mounted at `mountPath`.
export async function handleOidcRequest(incoming: Request, mountPath: string, pathname = new URL(incoming.url).pathname): Promise<Response> {
  const provider = await getProvider();
  const request = withDefaultScope(incoming, pathname);
  const raw = Buffer.from(await request.arrayBuffer());
  const { body, authorization } = moveSecretToBasic(request, pathname, raw);
  const { req, res, done } = toNodeRequest(request, body, mountPath, pathname);
  if (authorization) req.headers.authorization = authorization;
  provider.callback()(req, res);
  const response = await done;
  return AUTHORIZATION_PATH.test(pathname) ? withInstallationId(response) : response;
}

const AUTHORIZATION_PATH = /\/auth(\/[^/]+)?\/?$/;
