import type Provider from "oidc-provider";
import type { KoaContextWithOIDC } from "oidc-provider";
import { recordAuditEvent } from "@/lib/audit/mutations";
import { getDb } from "@/lib/db";

// Token requests refused for reasons an app's admins should see: a wrong
// secret, a failed PKCE check, a replayed code or refresh token.
const WORTH_RECORDING = /client authentication failed|code_verifier|already consumed|grant request is invalid|invalid_client/i;

async function recordRefusal(ctx: KoaContextWithOIDC, error: Error & { error?: string; error_description?: string; error_detail?: string }) {
  const description = error.error_description ?? error.message;
  // oidc-provider keeps the reason (PKCE mismatch, code or refresh token
  // already used, wrong secret) out of the response, in error_detail.
  const detail = error.error_detail ?? null;
  if (!WORTH_RECORDING.test(`${error.error} ${description} ${detail ?? ""}`)) return;
  const clientId = ctx.oidc?.client?.clientId ?? (ctx.oidc?.params?.client_id as string | undefined);
  const app = clientId ? await getDb().app.findUnique({ where: { clientId }, select: { id: true, ownerGroupId: true } }) : null;
  await recordAuditEvent({
    action: "oauth.token_refused",
    actorLabel: clientId ? `client ${clientId}` : "unknown client",
    groupId: app?.ownerGroupId ?? null,
    targetType: app ? "app" : "",
    targetId: app?.id ?? "",
    details: { error: error.error ?? "error", description, detail, grantType: (ctx.oidc?.params?.grant_type as string | undefined) ?? null },
  });
}

export function auditProviderRefusals(provider: Provider): void {
  for (const event of ["grant.error", "introspection.error", "revocation.error"] as const) {
    (provider.on as (name: string, listener: (ctx: KoaContextWithOIDC, error: Error) => void) => void)(event, (ctx, error) => {
      recordRefusal(ctx, error).catch((cause) => console.error("audit of a refused token request failed", cause));
    });
  }
}
