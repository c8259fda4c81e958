import { getProvider } from "./provider";
import { getOidcSqlite } from "./sqlite";

// Plane's Python SDK posts JSON to the token endpoint; oidc-provider reads
// form bodies only. The body is re-encoded as a form, value for value.
export async function jsonBodyToForm(request: Request): Promise<Request> {
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) return request;
  let parsed: unknown;
  try {
    parsed = await request.json();
  } catch {
    return new Request(request.url, { method: request.method, headers: formHeaders(request), body: "invalid_json=1" });
  }
  const form = new URLSearchParams();
  if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
    for (const [key, value] of Object.entries(parsed)) {
      if (value !== null && value !== undefined) form.set(key, typeof value === "string" ? value : String(value));
    }
  }
  return new Request(request.url, { method: request.method, headers: formHeaders(request), body: form.toString() });
}

function formHeaders(request: Request): Headers {
  const headers = new Headers(request.headers);
  headers.set("content-type", "application/x-www-form-urlencoded");
  headers.delete("content-length");
  return headers;
}

let installationOfGrant: ReturnType<ReturnType<typeof getOidcSqlite>["prepare"]> | undefined;

// The redirect that hands an authorization code back to the app also names
// the app's installation in the chosen group (app_installation_id), as
// Plane's callback does, so the app can ask for a bot token there.
export async function withInstallationId(response: Response): Promise<Response> {
  const location = response.headers.get("location");
  if (!location || response.status < 300 || response.status >= 400) return response;
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    return response;
  }
  const code = url.searchParams.get("code");
  if (!code || url.searchParams.has("app_installation_id")) return response;
  const provider = await getProvider();
  const stored = await provider.AuthorizationCode.find(code);
  if (!stored?.grantId) return response;
  installationOfGrant ??= getOidcSqlite().prepare("SELECT installationId FROM AppGrant WHERE grantId = ?");
  const row = installationOfGrant.get(stored.grantId) as { installationId: string } | undefined;
  if (!row) return response;
  url.searchParams.set("app_installation_id", row.installationId);
  const headers = new Headers(response.headers);
  headers.set("location", url.toString());
  return new Response(response.body, { status: response.status, headers });
}
