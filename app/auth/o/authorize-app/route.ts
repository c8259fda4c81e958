import { handleOidcRequest } from "@/lib/oidc/handle-request";

// Plane-compatible alias of the authorization endpoint (/oidc/auth).
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return handleOidcRequest(request, "/oidc", "/oidc/auth");
}
