import { getOrigin } from "@/lib/config";
import { HTTP_STATUS, isAppError } from "@/lib/errors";

export const PROTECTED_RESOURCE_METADATA_PATH = "/.well-known/oauth-protected-resource";

function bearerChallenge(params: Record<string, string | undefined>): string {
  const all = { realm: "tessera", ...params, resource_metadata: `${getOrigin()}${PROTECTED_RESOURCE_METADATA_PATH}` };
  const parts = Object.entries(all)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}="${String(value).replace(/["\\]/g, "")}"`);
  return `Bearer ${parts.join(", ")}`;
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

// The API side of the one error mapping: AppError → JSON error with the
// RFC 6750 WWW-Authenticate challenge on 401 and insufficient-scope 403.
export function errorResponse(error: unknown): Response {
  if (!isAppError(error)) {
    console.error(error);
    return json({ error: "server_error", error_description: "Something went wrong" }, 500);
  }
  const status = HTTP_STATUS[error.code];
  const oauthError = error.fields.oauth_error;
  const headers: Record<string, string> = {};
  if (status === 401) headers["WWW-Authenticate"] = bearerChallenge({ error: oauthError, error_description: oauthError ? error.message : undefined });
  if (oauthError === "insufficient_scope") headers["WWW-Authenticate"] = bearerChallenge({ error: oauthError, error_description: error.message, scope: error.fields.scope });
  const fields = Object.fromEntries(Object.entries(error.fields).filter(([key]) => key !== "oauth_error" && key !== "scope"));
  return json(
    { error: oauthError ?? error.code.toLowerCase(), error_description: error.message, ...(Object.keys(fields).length ? { fields } : {}) },
    status,
    headers,
  );
}

// Runs an API route body, answering its AppError as above.
export async function handleApi(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    return errorResponse(error);
  }
}
