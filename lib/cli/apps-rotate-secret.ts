import type { Actor } from "@/lib/auth/actor";
import { getAppDetails } from "@/lib/apps/queries";
import { newSecretSchema } from "@/lib/apps/schemas";
import { generateAppSecret, revokeAppSecret } from "@/lib/apps/secret-mutations";
import { MAX_LIVE_SECRETS } from "@/lib/apps/secrets";
import { parseInput } from "@/lib/validation";
import { writeJson } from "./cli-io";
import { defineCommand } from "./command";
import { formatDate } from "./format-app";
import { APPS_ROTATE_SECRET_USAGE } from "./usage";

// Live secrets of the app, oldest first.
async function listLiveSecrets(actor: Actor, clientId: string) {
  const { secrets } = await getAppDetails(actor, clientId);
  return secrets.filter((secret) => secret.live).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

// Revokes the given secrets one by one (revokeAppSecret audits each).
async function revokeSecrets(actor: Actor, clientId: string, ids: string[]): Promise<string[]> {
  for (const id of ids) await revokeAppSecret(actor, clientId, id);
  return ids;
}

// `apps rotate-secret`: generateAppSecret adds a secret (at most
// MAX_LIVE_SECRETS live, CONFLICT beyond). With --revoke-old the others are
// revoked afterwards; when the app is already at the limit, its oldest live
// secrets are revoked first to make room, always leaving one live secret.
export const appsRotateSecret = defineCommand({
  name: "apps rotate-secret",
  usage: APPS_ROTATE_SECRET_USAGE,
  options: { "expires-in": { type: "string" }, "revoke-old": { type: "boolean" } },
  positionals: ["client_id"],
  async run({ positionals: [clientId], values, actor, json, io }) {
    const revokeOld = values["revoke-old"] === true;
    // Validated up front (with the data layer's schema) so a bad value fails
    // before --revoke-old revokes anything.
    const input = parseInput(newSecretSchema, { expiresIn: values["expires-in"] ?? "never" });
    const revoked: string[] = [];
    if (revokeOld) {
      const live = await listLiveSecrets(actor, clientId);
      const excess = live.slice(0, Math.max(0, live.length - (MAX_LIVE_SECRETS - 1)));
      revoked.push(...(await revokeSecrets(actor, clientId, excess.map((secret) => secret.id))));
    }
    const { secret, view } = await generateAppSecret(actor, clientId, input);
    if (revokeOld) {
      const others = (await listLiveSecrets(actor, clientId)).filter((live) => live.id !== view.id);
      revoked.push(...(await revokeSecrets(actor, clientId, others.map((other) => other.id))));
    }

    const expiresAt = view.expiresAt?.toISOString() ?? null;
    if (json) return writeJson(io, { client_id: clientId, client_secret: secret, secret_id: view.id, hint: view.hint, expires_at: expiresAt, revoked });
    io.out(`New client secret for ${clientId}:`);
    io.out(`  ${secret}`);
    io.out(`  id ${view.id}, expires ${view.expiresAt ? formatDate(view.expiresAt) : "never"}`);
    io.out("Copy it now: it will not be shown again.");
    if (revoked.length) io.out(`Revoked ${revoked.length} older secret${revoked.length === 1 ? "" : "s"}: ${revoked.join(", ")}`);
  },
});
