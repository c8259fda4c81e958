import { getDb } from "@/lib/db";
import { emitGroupEvent, type EventActor } from "@/lib/webhooks/emit";

// "Your client secret expires soon": once per secret, an app / secret_expiring
// webhook event to each live installation of its app, when a live secret
// enters its last SECRET_EXPIRY_NOTICE_DAYS. Called periodically by the
// webhook worker; safe to run from several processes at once (each secret is
// claimed by one of them, in the transaction that writes its events).

export const SECRET_EXPIRY_NOTICE_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 100;

const SYSTEM: EventActor = { type: "system", id: null, name: "Tessera" };

export type SecretExpiryRun = { secrets: number; events: number };

export async function emitSecretExpiringEvents(now = new Date()): Promise<SecretExpiryRun> {
  const db = getDb();
  const horizon = new Date(now.getTime() + SECRET_EXPIRY_NOTICE_DAYS * DAY_MS);
  const due = { revokedAt: null, expiryNotifiedAt: null, expiresAt: { gt: now, lte: horizon } };
  const run: SecretExpiryRun = { secrets: 0, events: 0 };
  let after: string | undefined;
  for (;;) {
    const batch = await db.appSecret.findMany({
      where: { ...due, ...(after ? { id: { gt: after } } : {}) },
      select: { id: true },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    for (const { id } of batch) {
      const events = await db.$transaction(async (tx) => {
        // The claim: only one run announces a secret (a secret revoked or
        // announced meanwhile is skipped).
        const { count } = await tx.appSecret.updateMany({ where: { id, ...due }, data: { expiryNotifiedAt: now } });
        if (count === 0) return null;
        const secret = await tx.appSecret.findUniqueOrThrow({
          where: { id },
          select: { hint: true, expiresAt: true, app: { select: { clientId: true, installations: { where: { status: "INSTALLED" }, select: { id: true, groupId: true } } } } },
        });
        let written = 0;
        for (const installation of secret.app.installations) {
          written += await emitGroupEvent(tx, {
            groupId: installation.groupId,
            event: "app",
            action: "secret_expiring",
            only: { installationId: installation.id },
            data: { client_id: secret.app.clientId, secret_hint: secret.hint, expires_at: secret.expiresAt!.toISOString() },
            actor: SYSTEM,
          });
        }
        return written;
      });
      if (events === null) continue;
      run.secrets++;
      run.events += events;
    }
    if (batch.length < BATCH) return run;
    after = batch[batch.length - 1].id;
  }
}
