import { randomBytes } from "node:crypto";
import { getDb, Prisma } from "@/lib/db";
import { decryptWebhookSecret, signWebhook } from "./secrets";
import { postWebhook, type PostResult } from "./post-webhook";
import { deliverySettings, loopbackAllowed, nextAttemptAt } from "./settings";
import { disableWebhook, type WebhookOwner } from "./mutations";

export { ensureWebhook, rotateWebhookSecret, enableWebhook, redeliverEvent } from "./mutations";

// Delivery of outbox rows: a worker claims due events (a lease, so two
// workers never send one attempt twice, and a crashed worker's events come
// back when its lease ends), posts each once, and records what happened.

const CLAIM_INCLUDE = {
  webhook: {
    select: {
      id: true,
      secretCipher: true,
      disabledAt: true,
      app: { select: { id: true, name: true, clientId: true, ownerGroupId: true, webhookUrl: true, status: true } },
    },
  },
} satisfies Prisma.WebhookEventInclude;

export type ClaimedEvent = Prisma.WebhookEventGetPayload<{ include: typeof CLAIM_INCLUDE }>;

export type DeliveryOutcome = {
  eventId: string;
  status: "DELIVERED" | "PENDING" | "FAILED" | "SKIPPED";
  statusCode: number | null;
  error: string | null;
};

function dueWhere(now: Date): Prisma.WebhookEventWhereInput {
  return { status: "PENDING", nextAttemptAt: { lte: now }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] };
}

// Leases up to `limit` due events to this worker. The lease is taken by one
// conditional UPDATE, so of two workers racing for a row exactly one wins;
// lockedBy gets a fresh token per claim (the fence for recording results).
// `webhookIds` narrows the claim to some webhooks (tests, benchmarks).
export async function claimDueEvents(workerId: string, limit: number, { webhookIds }: { webhookIds?: string[] } = {}): Promise<ClaimedEvent[]> {
  const db = getDb();
  const claimed: ClaimedEvent[] = [];
  const tried = new Set<string>();
  // A few rounds, so a worker that lost a race still fills its free slots.
  for (let round = 0; round < 3 && claimed.length < limit; round++) {
    const settings = deliverySettings();
    const now = settings.now();
    const want = limit - claimed.length;
    const candidates = await db.webhookEvent.findMany({
      where: { ...dueWhere(now), id: { notIn: [...tried] }, webhook: { disabledAt: null }, ...(webhookIds ? { webhookId: { in: webhookIds } } : {}) },
      orderBy: { nextAttemptAt: "asc" },
      take: want,
      select: { id: true },
    });
    if (candidates.length === 0) break;
    const ids = candidates.map((candidate) => candidate.id);
    ids.forEach((id) => tried.add(id));
    const token = `${workerId}/${randomBytes(4).toString("hex")}`;
    const { count } = await db.webhookEvent.updateMany({
      where: { id: { in: ids }, ...dueWhere(now) },
      data: { lockedBy: token, lockedUntil: new Date(now.getTime() + settings.lockMs) },
    });
    if (count > 0) {
      claimed.push(...(await db.webhookEvent.findMany({ where: { id: { in: ids }, lockedBy: token }, include: CLAIM_INCLUDE, orderBy: { nextAttemptAt: "asc" } })));
    }
    if (count === candidates.length && candidates.length < want) break;
  }
  return claimed;
}

// Gives claimed events back (a worker stopping before it started them).
export async function releaseEvents(events: ClaimedEvent[]): Promise<void> {
  for (const event of events) {
    await getDb().webhookEvent.updateMany({ where: { id: event.id, lockedBy: event.lockedBy }, data: { lockedBy: null, lockedUntil: null } });
  }
}

function classify(result: PostResult): { ok: boolean; gone: boolean; error: string | null } {
  const code = result.statusCode;
  if (code !== null && code >= 200 && code < 300) return { ok: true, gone: false, error: null };
  if (code === 410) return { ok: false, gone: true, error: "410 Gone: the receiver asked to stop, the webhook is disabled" };
  if (code !== null && code >= 300 && code < 400) return { ok: false, gone: false, error: `Redirect (${code}${result.location ? ` to ${result.location}` : ""}) not followed` };
  if (code !== null) return { ok: false, gone: false, error: `HTTP ${code}` };
  return { ok: false, gone: false, error: result.error ?? "No answer" };
}

// Posts one claimed event and records the attempt. Returns what became of it.
export async function deliverEvent(event: ClaimedEvent): Promise<DeliveryOutcome> {
  const settings = deliverySettings();
  const { webhook } = event;
  const { app } = webhook;
  const token = event.lockedBy;
  if (webhook.disabledAt) {
    await getDb().webhookEvent.updateMany({ where: { id: event.id, lockedBy: token }, data: { lockedBy: null, lockedUntil: null } });
    return { eventId: event.id, status: "SKIPPED", statusCode: null, error: "The webhook is disabled" };
  }

  const number = event.attempts + 1;
  const startedAt = settings.now();
  const began = performance.now();
  let headers: Record<string, string> = {};
  let result: PostResult;
  const secret = await decryptWebhookSecret(webhook.secretCipher).catch(() => null);
  // Not the receiver's fault: no request, and no mark against the webhook.
  const unsendable = !app.webhookUrl
    ? "The app has no webhook URL"
    : app.status !== "ACTIVE"
      ? "The app is suspended"
      : secret === null
        ? "The signing secret can't be decrypted (was the server's webhook-secret-key replaced?)"
        : null;
  if (unsendable || secret === null) {
    result = { statusCode: null, snippet: "", error: unsendable, location: null };
  } else {
    // Wall-clock time: receivers compare it with theirs to refuse replays.
    const timestamp = Math.floor(Date.now() / 1000);
    headers = signWebhook({ id: event.id, event: event.event, timestamp, body: event.body, secret });
    result = await postWebhook(app.webhookUrl!, headers, event.body, {
      timeoutMs: settings.timeoutMs,
      resolve: settings.resolve,
      allowLoopback: loopbackAllowed(),
    });
  }
  const outcome = classify(result);
  const attempt = {
    eventId: event.id,
    number,
    startedAt,
    durationMs: Math.round(performance.now() - began),
    statusCode: result.statusCode,
    error: outcome.error,
    requestHeaders: JSON.stringify(headers),
    responseSnippet: result.snippet,
  };
  const owner: WebhookOwner = { webhookId: webhook.id, appId: app.id, appName: app.name, clientId: app.clientId, ownerGroupId: app.ownerGroupId };

  if (outcome.ok) {
    const db = getDb();
    await db.$transaction([
      db.webhookAttempt.create({ data: attempt }),
      // Delivered is final, even if this worker's lease ran out meanwhile.
      db.webhookEvent.updateMany({
        where: { id: event.id, status: "PENDING" },
        data: { status: "DELIVERED", attempts: number, deliveredAt: settings.now(), lockedBy: null, lockedUntil: null, lastStatusCode: result.statusCode, lastError: null },
      }),
      // The failure streak ends (no write when there was none).
      db.webhook.updateMany({ where: { id: webhook.id, consecutiveFailures: { gt: 0 } }, data: { consecutiveFailures: 0 } }),
    ]);
    return { eventId: event.id, status: "DELIVERED", statusCode: result.statusCode, error: null };
  }

  // 410 keeps the event pending (due at once) for when the webhook is re-enabled.
  const retryAt = outcome.gone ? settings.now() : nextAttemptAt(number, settings);
  const status = retryAt ? "PENDING" : "FAILED";
  await getDb().$transaction(async (tx) => {
    await tx.webhookAttempt.create({ data: attempt });
    await tx.webhookEvent.updateMany({
      where: { id: event.id, lockedBy: token, status: "PENDING" },
      data: { status, attempts: number, nextAttemptAt: retryAt ?? undefined, lockedBy: null, lockedUntil: null, lastStatusCode: result.statusCode, lastError: outcome.error },
    });
    if (unsendable) return;
    const { consecutiveFailures } = await tx.webhook.update({
      where: { id: webhook.id },
      data: { consecutiveFailures: { increment: 1 } },
      select: { consecutiveFailures: true },
    });
    if (outcome.gone) await disableWebhook(tx, owner, "The receiver answered 410 Gone");
    else if (consecutiveFailures >= settings.disableAfterFailures)
      await disableWebhook(tx, owner, `${consecutiveFailures} delivery attempts in a row failed (last: ${outcome.error})`);
  });
  return { eventId: event.id, status, statusCode: result.statusCode, error: outcome.error };
}
