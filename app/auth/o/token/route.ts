import { handleOidcRequest } from "@/lib/oidc/handle-request";
import { jsonBodyToForm } from "@/lib/oidc/plane-compat";

// Plane-compatible alias of the token endpoint: every grant, form or JSON body.
export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return handleOidcRequest(await jsonBodyToForm(request), "/oidc", "/oidc/token");
}
