import { SCOPE_IDS } from "@/lib/apps/scopes";
import { apiResource, issuer } from "@/lib/oidc/resource";

// RFC 9728 protected resource metadata for the Tessera API: which
// authorization server issues its tokens, and how to send them.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json(
    {
      resource: apiResource(),
      authorization_servers: [issuer()],
      scopes_supported: SCOPE_IDS,
      bearer_methods_supported: ["header"],
      resource_name: "Tessera API",
    },
    { headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" } },
  );
}
