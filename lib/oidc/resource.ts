import { getOrigin } from "@/lib/config";
import { SCOPE_IDS } from "@/lib/apps/scopes";

// The Tessera API as an OAuth resource (RFC 8707 audience).
export const apiResource = () => `${getOrigin()}/api/v1`;
export const issuer = () => `${getOrigin()}/oidc`;

// Scopes that are OpenID Connect's own, and those that only the API honours.
export const IDENTITY_SCOPES = new Set(["openid", "profile", "email", "offline_access"]);
export const API_SCOPES = SCOPE_IDS.filter((scope) => !IDENTITY_SCOPES.has(scope));
