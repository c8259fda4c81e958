import { handleOidcRequest } from "@/lib/oidc/handle-request";
import { jsonBodyToForm } from "@/lib/oidc/plane-compat";

// Plane-compatible alias of token revocation (RFC 7009).
export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return handleOidcRequest(await jsonBodyToForm(request), "/oidc", "/oidc/token/revocation");
}
