import { handleOidcRequest } from "@/lib/oidc/handle-request";

// RFC 8414 metadata for the issuer <origin>/oidc: the same document as its
// OpenID Connect discovery.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return handleOidcRequest(request, "/oidc", "/oidc/.well-known/openid-configuration");
}
