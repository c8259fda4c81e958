import { describe, expect, it } from "vitest";
import * as client from "openid-client";
import { appFetch, installedApp, newBrowser, openidClient, REDIRECT, startAuthorization } from "@/lib/testing/oauth-fixtures";
import { discover } from "@/lib/testing/oauth-flow";

const ORIGIN = "http://localhost:3999";
const ISSUER = `${ORIGIN}/oidc`;

describe("discovery", () => {
  it("publishes OpenID Connect discovery at /oidc/.well-known/openid-configuration", async () => {
    const response = await appFetch(`${ISSUER}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const metadata = await response.json();
    expect(metadata).toMatchObject({
      issuer: ISSUER,
      authorization_endpoint: `${ISSUER}/auth`,
      token_endpoint: `${ISSUER}/token`,
      userinfo_endpoint: `${ISSUER}/me`,
      jwks_uri: `${ISSUER}/jwks`,
      introspection_endpoint: `${ISSUER}/token/introspection`,
      revocation_endpoint: `${ISSUER}/token/revocation`,
      // Only the authorization code flow, PKCE with S256, and RFC 9207 `iss`.
      response_types_supported: ["code"],
      code_challenge_methods_supported: ["S256"],
      authorization_response_iss_parameter_supported: true,
    });
    expect(metadata.grant_types_supported).toEqual(expect.arrayContaining(["authorization_code", "refresh_token"]));
    expect(metadata.grant_types_supported).not.toContain("implicit");
    expect(metadata.token_endpoint_auth_methods_supported).toEqual(expect.arrayContaining(["client_secret_basic", "client_secret_post", "none"]));
    expect(metadata.scopes_supported).toEqual(expect.arrayContaining(["openid", "offline_access", "projects:read", "projects:write"]));
    expect(metadata.claims_supported).toContain("group_id");
  });

  it("publishes RFC 8414 metadata at /.well-known/oauth-authorization-server/oidc, the same document", async () => {
    const [oidc, oauth2] = await Promise.all([
      appFetch(`${ISSUER}/.well-known/openid-configuration`).then((r) => r.json()),
      appFetch(`${ORIGIN}/.well-known/oauth-authorization-server/oidc`).then((r) => r.json()),
    ]);
    expect(oauth2).toEqual(oidc);

    // openid-client's RFC 8414 discovery derives exactly that address from the issuer.
    const config = await openidClient("any-client", undefined, client.None(), "oauth2");
    expect(config.serverMetadata().issuer).toBe(ISSUER);
    expect(config.serverMetadata().token_endpoint).toBe(`${ISSUER}/token`);
  });

  it("takes its issuer from the configured origin, never from the Host header", async () => {
    const response = await appFetch(`${ISSUER}/.well-known/openid-configuration`, {
      headers: { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
    });
    const metadata = await response.json();
    expect(metadata.issuer).toBe(ISSUER);
    expect(JSON.stringify(metadata)).not.toContain("evil.example");
  });

  it("answers only the code response type: token and hybrid requests come back as errors, without tokens", async () => {
    const { clientId } = await installedApp();
    const as = await discover();
    for (const responseType of ["token", "id_token", "code id_token", "code token"]) {
      const { landing } = await startAuthorization(newBrowser(), as, { clientId, redirectUri: REDIRECT, scope: "openid", extra: { response_type: responseType, nonce: "n" } });
      expect(landing.origin + landing.pathname).toBe(REDIRECT);
      const answer = new URLSearchParams(landing.hash.slice(1) || landing.search);
      expect(answer.get("error")).toBe("unsupported_response_type");
      expect(answer.get("iss")).toBe(ISSUER);
      for (const leaked of ["code", "access_token", "id_token"]) expect(answer.has(leaked)).toBe(false);
    }
  });

  it("refuses a resource indicator other than the Tessera API (RFC 8707 invalid_target)", async () => {
    const { clientId } = await installedApp();
    const as = await discover();
    const { landing } = await startAuthorization(newBrowser(), as, { clientId, redirectUri: REDIRECT, scope: "openid", resource: "https://elsewhere.example/api" });
    expect(landing.origin + landing.pathname).toBe(REDIRECT);
    expect(landing.searchParams.get("error")).toBe("invalid_target");
    expect(landing.searchParams.has("code")).toBe(false);
  });
});
