import { handleOidcRequest } from "@/lib/oidc/handle-request";

// The embedded authorization server (issuer <origin>/oidc): discovery,
// authorization, token, userinfo, JWKS, introspection, revocation, end-session.
export const dynamic = "force-dynamic";

const handle = (request: Request) => handleOidcRequest(request, "/oidc");

export { handle as GET, handle as POST, handle as OPTIONS };
