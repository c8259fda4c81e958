import { findAccessTokenFacts } from "@/lib/oidc/tokens";
import { AppError } from "@/lib/errors";
import { invalidToken, resolvePrincipal, type ApiPrincipal } from "./principal";

// Bearer tokens only (RFC 6750 §2.1): the Authorization header, never a query
// parameter or a cookie.
export async function authenticateApiRequest(request: Request): Promise<ApiPrincipal> {
  const header = request.headers.get("authorization");
  if (!header) throw new AppError("UNAUTHENTICATED", "Send an access token: Authorization: Bearer <token>");
  const match = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/i.exec(header.trim());
  if (!match) throw new AppError("UNAUTHENTICATED", "Malformed Authorization header", { oauth_error: "invalid_request" });
  const facts = await findAccessTokenFacts(match[1]);
  if (!facts) throw invalidToken("The access token is invalid, expired or revoked");
  return resolvePrincipal(facts);
}
