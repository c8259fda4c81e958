import { z } from "zod";
import { getDb, Prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { requireManageableApp, type ManageableApp } from "@/lib/apps/access";
import { isAppError, notFound } from "@/lib/errors";
import { getGroupForMember } from "@/lib/groups/queries";
import { isGroupAdmin } from "@/lib/groups/roles";

// What the app's owners see of its webhook: its state, and every delivery
// to every installation with the attempts' requests and answers. Readable
// exactly by those who may manage the app (requireManageableApp): admins of
// the owning group, platform admins for Global apps; the owning group's
// other members get "forbidden", everyone else "not found".

export const DELIVERY_STATUSES = ["PENDING", "DELIVERED", "FAILED"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const DELIVERIES_PAGE_SIZE = 25;
const MAX_PAGE_SIZE = 200;

// The delivery log's filter, from URL parameters or the CLI (bad values fall back).
export const deliveryQuerySchema = z.object({
  installationId: z.string().trim().max(100).optional().catch(undefined).transform((value) => value || undefined),
  status: z
    .string()
    .trim()
    .toUpperCase()
    .pipe(z.enum(DELIVERY_STATUSES))
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).catch(DELIVERIES_PAGE_SIZE),
});

export type DeliveryQuery = z.output<typeof deliveryQuerySchema>;
export type DeliveryQueryInput = { installationId?: string | null; status?: string | null; page?: number | string | null; pageSize?: number | null };

export type WebhookInstallation = { id: string; status: "INSTALLED" | "REVOKED"; group: { id: string; slug: string; name: string } };

export type WebhookOverview = {
  app: { id: string; clientId: string; name: string; status: "ACTIVE" | "SUSPENDED"; ownerGroupSlug: string };
  url: string | null;
  // Null until the app has had a webhook URL (then its signing secret is made).
  webhook: {
    id: string;
    secretHint: string;
    secretCreatedAt: Date;
    createdAt: Date;
    disabledAt: Date | null;
    disabledReason: string | null;
    consecutiveFailures: number;
  } | null;
  counts: Record<DeliveryStatus, number>;
  // Every installation of the app, live or revoked (the log's filter).
  installations: WebhookInstallation[];
};

async function loadWebhook(appId: string) {
  return getDb().webhook.findUnique({
    where: { appId },
    select: { id: true, secretHint: true, secretCreatedAt: true, createdAt: true, disabledAt: true, disabledReason: true, consecutiveFailures: true },
  });
}

async function countByStatus(webhookId: string | undefined): Promise<Record<DeliveryStatus, number>> {
  const counts: Record<DeliveryStatus, number> = { PENDING: 0, DELIVERED: 0, FAILED: 0 };
  if (!webhookId) return counts;
  const rows = await getDb().webhookEvent.groupBy({ by: ["status"], where: { webhookId }, _count: { _all: true } });
  for (const row of rows) counts[row.status] = row._count._all;
  return counts;
}

function appSummary(app: ManageableApp): WebhookOverview["app"] {
  return { id: app.id, clientId: app.clientId, name: app.name, status: app.status, ownerGroupSlug: app.ownerGroup.slug };
}

// The app's Webhook card and the delivery log's header.
export async function getWebhookOverview(actor: Actor, clientId: string, groupSlug?: string): Promise<WebhookOverview> {
  const app = await requireManageableApp(actor, clientId, groupSlug);
  const webhook = await loadWebhook(app.id);
  const [counts, installations] = await Promise.all([
    countByStatus(webhook?.id),
    getDb().installation.findMany({
      where: { appId: app.id },
      orderBy: [{ status: "asc" }, { createdAt: "desc" }, { id: "asc" }],
      select: { id: true, status: true, group: { select: { id: true, slug: true, name: true } } },
    }),
  ]);
  return { app: appSummary(app), url: app.webhookUrl, webhook, counts, installations };
}

export type DeliveryEntry = {
  id: string;
  event: string;
  action: string;
  status: DeliveryStatus;
  installationId: string | null;
  group: { id: string; slug: string; name: string } | null;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  // How long the last attempt took, in milliseconds (null before the first).
  lastLatencyMs: number | null;
  // When the next attempt is due: pending events only.
  nextAttemptAt: Date | null;
  createdAt: Date;
  deliveredAt: Date | null;
};

export type DeliveryPage = {
  app: WebhookOverview["app"];
  query: DeliveryQuery;
  entries: DeliveryEntry[];
  total: number;
  pageCount: number;
};

const entrySelect = {
  id: true,
  event: true,
  action: true,
  status: true,
  installationId: true,
  groupId: true,
  attempts: true,
  lastStatusCode: true,
  lastError: true,
  nextAttemptAt: true,
  createdAt: true,
  deliveredAt: true,
  deliveryLog: { orderBy: { number: "desc" }, take: 1, select: { durationMs: true } },
} satisfies Prisma.WebhookEventSelect;

type EntryRow = Prisma.WebhookEventGetPayload<{ select: typeof entrySelect }>;

async function groupsById(ids: string[]) {
  const rows = await getDb().group.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, slug: true, name: true } });
  return new Map(rows.map((row) => [row.id, row]));
}

function toEntry(row: EntryRow, groups: Map<string, { id: string; slug: string; name: string }>): DeliveryEntry {
  return {
    id: row.id,
    event: row.event,
    action: row.action,
    status: row.status,
    installationId: row.installationId,
    group: groups.get(row.groupId) ?? null,
    attempts: row.attempts,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    lastLatencyMs: row.deliveryLog[0]?.durationMs ?? null,
    nextAttemptAt: row.status === "PENDING" ? row.nextAttemptAt : null,
    createdAt: row.createdAt,
    deliveredAt: row.deliveredAt,
  };
}

// One page of the app's deliveries, newest first, optionally of one
// installation and one status. `groupSlug`: the page's group, which must own the app.
export async function listDeliveries(
  actor: Actor,
  clientId: string,
  input: DeliveryQueryInput & { groupSlug?: string } = {},
): Promise<DeliveryPage> {
  const app = await requireManageableApp(actor, clientId, input.groupSlug);
  const query = deliveryQuerySchema.parse({
    installationId: input.installationId ?? undefined,
    status: input.status ?? undefined,
    page: input.page ?? undefined,
    pageSize: input.pageSize ?? undefined,
  });
  const webhook = await getDb().webhook.findUnique({ where: { appId: app.id }, select: { id: true } });
  if (!webhook) return { app: appSummary(app), query, entries: [], total: 0, pageCount: 1 };
  const where: Prisma.WebhookEventWhereInput = {
    webhookId: webhook.id,
    ...(query.installationId ? { installationId: query.installationId } : {}),
    ...(query.status ? { status: query.status } : {}),
  };
  const db = getDb();
  const [total, rows] = await Promise.all([
    db.webhookEvent.count({ where }),
    db.webhookEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: entrySelect,
    }),
  ]);
  const groups = await groupsById(rows.map((row) => row.groupId));
  return {
    app: appSummary(app),
    query,
    entries: rows.map((row) => toEntry(row, groups)),
    total,
    pageCount: Math.max(1, Math.ceil(total / query.pageSize)),
  };
}

export type DeliveryAttempt = {
  id: string;
  number: number;
  startedAt: Date;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  // The headers sent (signatures included), by name; empty when nothing was sent.
  requestHeaders: Record<string, string>;
  // The first KB of the receiver's answer.
  responseSnippet: string;
};

export type DeliveryDetail = DeliveryEntry & {
  app: WebhookOverview["app"];
  url: string | null;
  // The exact JSON body that is signed and sent.
  body: string;
  attempts: number;
  attemptLog: DeliveryAttempt[];
};

function parseHeaders(value: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(value);
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed as Record<string, unknown>).map(([name, header]) => [name, String(header)]));
  } catch {
    return {};
  }
}

// The app an event was sent for, if the actor may manage it; an unknown
// event, or one of an app they can't see, is "not found".
export async function requireManageableEvent(actor: Actor, eventId: string, groupSlug?: string) {
  const event = await getDb().webhookEvent.findUnique({
    where: { id: eventId },
    select: { id: true, event: true, action: true, status: true, webhook: { select: { id: true, disabledAt: true, app: { select: { clientId: true } } } } },
  });
  if (!event) throw notFound("Webhook delivery not found");
  const app = await requireManageableApp(actor, event.webhook.app.clientId, groupSlug).catch((error: unknown) => {
    // "App not found" would tell which ids exist; the event is what was asked for.
    throw isAppError(error) && error.code === "NOT_FOUND" ? notFound("Webhook delivery not found") : error;
  });
  return { event, app };
}

// One delivery with every attempt: what was sent, what came back.
export async function getDelivery(actor: Actor, eventId: string, groupSlug?: string): Promise<DeliveryDetail> {
  const { app } = await requireManageableEvent(actor, eventId, groupSlug);
  const row = await getDb().webhookEvent.findUniqueOrThrow({
    where: { id: eventId },
    select: { ...entrySelect, body: true, deliveryLog: { orderBy: { number: "desc" } } },
  });
  const groups = await groupsById([row.groupId]);
  return {
    ...toEntry(row, groups),
    app: appSummary(app),
    url: app.webhookUrl,
    body: row.body,
    attemptLog: row.deliveryLog.map((attempt) => ({
      id: attempt.id,
      number: attempt.number,
      startedAt: attempt.startedAt,
      durationMs: attempt.durationMs,
      statusCode: attempt.statusCode,
      error: attempt.error,
      requestHeaders: parseHeaders(attempt.requestHeaders),
      responseSnippet: attempt.responseSnippet,
    })),
  };
}

export type PausedWebhook = {
  appName: string;
  clientId: string;
  reason: string;
  disabledAt: Date;
  // The group registered the app (its admins re-enable it on the app's page),
  // or only installed it (then the installation's page is where to look).
  ownedHere: boolean;
  installationId: string | null;
};

// The banner on every page of a group, for its admins: webhooks of apps the
// group registered or installed whose deliveries are paused. Others get none.
export async function listDisabledWebhooksForGroup(userId: string, groupSlug: string): Promise<PausedWebhook[]> {
  const group = await getGroupForMember(userId, groupSlug);
  if (!isGroupAdmin(group.role)) return [];
  const rows = await getDb().webhook.findMany({
    where: {
      disabledAt: { not: null },
      app: { OR: [{ ownerGroupId: group.id }, { installations: { some: { groupId: group.id, status: "INSTALLED" } } }] },
    },
    orderBy: { disabledAt: "desc" },
    select: {
      disabledAt: true,
      disabledReason: true,
      app: {
        select: {
          name: true,
          clientId: true,
          ownerGroupId: true,
          installations: { where: { groupId: group.id, status: "INSTALLED" }, select: { id: true }, take: 1 },
        },
      },
    },
  });
  return rows.map((row) => ({
    appName: row.app.name,
    clientId: row.app.clientId,
    reason: row.disabledReason ?? "Deliveries failed",
    disabledAt: row.disabledAt!,
    ownedHere: row.app.ownerGroupId === group.id,
    installationId: row.app.installations[0]?.id ?? null,
  }));
}
