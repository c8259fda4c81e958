import { spawn } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { removeConsent } from "@/lib/consent/mutations";
import { emitGroupEvent, type GroupEvent } from "./emit";
import { verifyPlaneSignature, verifyStandardSignature } from "./secrets";
import { checkWebhookUrl } from "./url-guard";
import { configureWebhookDelivery, BACKOFF_SCHEDULE_MS } from "./settings";
import { startReceiver, type Receiver, type Respond } from "./test-receiver";
import { createWebhookWorld } from "./test-world";
import { claimDueEvents, enableWebhook, ensureWebhook, redeliverEvent, rotateWebhookSecret, runWorkerOnce, startWebhookWorker } from "./worker";

// Real deliveries to a real HTTP receiver on 127.0.0.1 (the development
// allowance is on); the clock is moved by hand instead of waiting.

let offset = 0;
let restoreSettings: () => void;
const receivers: Receiver[] = [];

beforeAll(() => {
  process.env.TESSERA_WEBHOOKS_ALLOW_LOOPBACK = "1";
  restoreSettings = configureWebhookDelivery({ now: () => new Date(Date.now() + offset) });
});
afterAll(() => {
  restoreSettings();
  delete process.env.TESSERA_WEBHOOKS_ALLOW_LOOPBACK;
});
afterEach(async () => {
  offset = 0;
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

const later = (ms: number) => {
  offset += ms;
};

async function setup(respond?: Respond) {
  const receiver = await startReceiver(respond);
  receivers.push(receiver);
  const world = await createWebhookWorld(receiver.url);
  const run = (workerId?: string) => runWorkerOnce({ webhookIds: [world.webhookId], workerId });
  const emit = (event: string, action: string, data: Record<string, unknown> = {}) =>
    getDb().$transaction((tx) => emitGroupEvent(tx, { groupId: world.group.id, event, action, data, actor: { type: "user", id: world.admin.id } }));
  const events = () => getDb().webhookEvent.findMany({ where: { webhookId: world.webhookId }, orderBy: { createdAt: "asc" }, include: { deliveryLog: { orderBy: { number: "asc" } } } });
  const webhook = () => getDb().webhook.findUniqueOrThrow({ where: { id: world.webhookId } });
  return { receiver, world, run, emit, events, webhook };
}

function expectSigned(request: Receiver["received"][number], secret: string) {
  expect(verifyPlaneSignature(request.headers, request.body, secret)).toBe(true);
  expect(verifyStandardSignature(request.headers, request.body, secret, { toleranceSeconds: 300 })).toBe(true);
}

describe("webhook delivery", () => {
  it("delivers every event type with both valid signatures over the exact bytes stored", async () => {
    const { receiver, world, run, emit, events } = await setup();
    const types: [string, string][] = [
      ["project", "created"], ["project", "updated"], ["project", "deleted"],
      ["work_item", "created"], ["work_item", "updated"], ["work_item", "deleted"], ["work_item", "assigned"],
      ["comment", "created"], ["comment", "updated"], ["comment", "deleted"],
      ["member", "added"], ["member", "removed"], ["app", "mentioned"],
    ];
    for (const [event, action] of types) await emit(event, action, { name: "Zoë's “quoted” ✓", n: 1 });
    await removeConsent(world.actor, world.group.slug, world.installationId); // app/uninstalled, through the real producer

    const outcomes = await run();
    expect(outcomes.map((outcome) => outcome.status)).toEqual(Array(types.length + 2).fill("DELIVERED"));
    const stored = await events();
    expect(stored.map((row) => `${row.event}/${row.action}`).sort()).toEqual(["app/installed", "app/uninstalled", ...types.map((pair) => pair.join("/"))].sort());
    expect(receiver.received).toHaveLength(stored.length);
    for (const request of receiver.received) {
      const row = stored.find((candidate) => candidate.id === request.headers["webhook-id"])!;
      expect(request.method).toBe("POST");
      expect(request.body.toString("utf8")).toBe(row.body);
      expect(request.headers).toMatchObject({
        "content-type": "application/json",
        "user-agent": "Tessera-Webhooks/1",
        "x-plane-delivery": row.id,
        "x-plane-event": row.event,
      });
      expect(JSON.parse(row.body)).toMatchObject({ id: row.id, event: row.event, action: row.action, webhook_id: world.webhookId });
      expectSigned(request, world.secret);
      expect(row).toMatchObject({ status: "DELIVERED", attempts: 1, lastStatusCode: 200, lockedBy: null });
      expect(row.deliveryLog).toHaveLength(1);
      const logged = JSON.parse(row.deliveryLog[0].requestHeaders);
      expect(logged["webhook-id"]).toBe(row.id);
      expect(JSON.stringify(logged)).not.toContain(world.secret);
    }
  });

  it("retries a failing receiver with backoff and delivers the same event id once it recovers", async () => {
    const { receiver, world, run, events, webhook } = await setup((_, index) => (index < 3 ? { status: 503, body: "down for maintenance" } : { status: 204 }));
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const before = Date.now() + offset;
      expect(await run()).toMatchObject([{ status: "PENDING", statusCode: 503 }]);
      const [row] = await events();
      expect(row).toMatchObject({ status: "PENDING", attempts: attempt, lastStatusCode: 503, lastError: "HTTP 503", lockedBy: null });
      waits.push(row.nextAttemptAt.getTime() - before);
      expect(await run()).toEqual([]); // not due yet
      expect((await webhook()).consecutiveFailures).toBe(attempt);
      later(row.nextAttemptAt.getTime() - before + 1);
    }
    // About 1 min, 5 min, 30 min, with ±20 % jitter.
    waits.forEach((wait, i) => {
      expect(wait).toBeGreaterThanOrEqual(BACKOFF_SCHEDULE_MS[i] * 0.8 - 1000);
      expect(wait).toBeLessThanOrEqual(BACKOFF_SCHEDULE_MS[i] * 1.2 + 1000);
    });
    expect(await run()).toMatchObject([{ status: "DELIVERED", statusCode: 204 }]);

    const [row] = await events();
    expect(row).toMatchObject({ status: "DELIVERED", attempts: 4, lastStatusCode: 204, lastError: null });
    expect(row.deliveryLog.map((attempt) => [attempt.number, attempt.statusCode])).toEqual([[1, 503], [2, 503], [3, 503], [4, 204]]);
    expect(row.deliveryLog[0].responseSnippet).toBe("down for maintenance");
    expect(receiver.received.map((request) => request.headers["webhook-id"])).toEqual(Array(4).fill(row.id));
    receiver.received.forEach((request) => expectSigned(request, world.secret));
    expect((await webhook()).consecutiveFailures).toBe(0);
  });

  it("gives up after the eighth attempt (FAILED), and redeliverEvent tries once more with the same id", async () => {
    let up = false;
    const { receiver, run, events } = await setup(() => ({ status: up ? 200 : 500 }));
    for (let attempt = 1; attempt <= 8; attempt++) {
      await run();
      later(2 * 24 * 3600_000);
    }
    const [failed] = await events();
    expect(failed).toMatchObject({ status: "FAILED", attempts: 8 });
    expect(await run()).toEqual([]);

    up = true;
    await redeliverEvent(failed.id);
    expect(await run()).toMatchObject([{ status: "DELIVERED" }]);
    const [row] = await events();
    expect(row).toMatchObject({ id: failed.id, status: "DELIVERED", attempts: 9 });
    expect(row.deliveryLog).toHaveLength(9);
    expect(new Set(receiver.received.map((request) => request.headers["webhook-id"]))).toEqual(new Set([failed.id]));
  });

  it("loses nothing when a worker claims an event and dies before finishing: its lease ends, another delivers", async () => {
    const { receiver, world, run, events } = await setup();
    const [claimed] = await claimDueEvents("crashed-worker", 10, { webhookIds: [world.webhookId] });
    expect(claimed.lockedBy).toMatch(/^crashed-worker\//);
    // … the process dies here. Its lease still holds for a while:
    expect(await run()).toEqual([]);
    later(59_000);
    expect(await run()).toEqual([]);
    later(2_000);
    expect(await run()).toMatchObject([{ eventId: claimed.id, status: "DELIVERED" }]);
    expect(receiver.received.map((request) => request.headers["webhook-id"])).toEqual([claimed.id]);
    expect((await events())[0]).toMatchObject({ status: "DELIVERED", attempts: 1 });
  });

  it("loses nothing when the worker process is killed mid-request (at-least-once, same event id)", async () => {
    let killed = false;
    const { receiver, world, run, events } = await setup((_, index) => (index === 0 ? { status: 200, hang: true } : { status: 200 }));
    // One node process (tsx as a loader, no wrapper process), so SIGKILL ends the worker itself.
    const child = spawn(process.execPath, ["--import", "tsx", "lib/webhooks/test-crash-worker.ts", world.webhookId], {
      env: { ...process.env, TESSERA_WEBHOOKS_ALLOW_LOOPBACK: "1" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    try {
      await receiver.waitFor(1, 15_000); // the other process is mid-delivery
      child.kill("SIGKILL");
      killed = true;
      await exited;
    } finally {
      if (!killed) child.kill("SIGKILL");
    }
    const [pending] = await events();
    expect(pending).toMatchObject({ status: "PENDING", attempts: 0 });
    expect(pending.lockedBy).toMatch(/^doomed\//);
    expect(pending.deliveryLog).toHaveLength(0);

    expect(await run()).toEqual([]); // still leased to the dead worker
    later(61_000);
    expect(await run()).toMatchObject([{ status: "DELIVERED" }]);
    expect(receiver.received.map((request) => request.headers["webhook-id"])).toEqual([pending.id, pending.id]);
    receiver.received.forEach((request) => expectSigned(request, world.secret));
    expect((await events())[0]).toMatchObject({ status: "DELIVERED", attempts: 1 });
  }, 30_000);

  it("disables the webhook at once on 410 Gone, keeps its events, and sends them after a manual re-enable", async () => {
    let gone = true;
    const { receiver, world, run, emit, events, webhook } = await setup(() => ({ status: gone ? 410 : 200 }));
    expect(await run()).toMatchObject([{ status: "PENDING", statusCode: 410 }]);
    const disabled = await webhook();
    expect(disabled.disabledAt).not.toBeNull();
    expect(disabled.disabledReason).toMatch(/410/);
    const audit = await getDb().auditEvent.findMany({ where: { action: "webhook.disabled", targetId: world.app.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0].groupId).toBe(world.group.id);

    // No further deliveries while paused; changes meanwhile are queued, not lost.
    later(24 * 3600_000);
    expect(await emit("project", "created")).toBe(1);
    expect(await run()).toEqual([]);
    expect(receiver.received).toHaveLength(1);

    gone = false;
    await enableWebhook(world.app.id);
    expect(await webhook()).toMatchObject({ disabledAt: null, disabledReason: null, consecutiveFailures: 0 });
    expect(await run()).toMatchObject([{ status: "DELIVERED" }, { status: "DELIVERED" }]);
    const rows = await events();
    expect(rows.map((row) => row.status)).toEqual(["DELIVERED", "DELIVERED"]);
    const first = rows.find((row) => row.attempts === 2)!;
    expect(receiver.received.filter((request) => request.headers["webhook-id"] === first.id)).toHaveLength(2);
    expect(receiver.received).toHaveLength(3);
  });

  it("disables the webhook after too many failed attempts in a row", async () => {
    const restore = configureWebhookDelivery({ disableAfterFailures: 3 });
    try {
      const { run, emit, webhook, world } = await setup(() => ({ status: 500 }));
      await emit("project", "created");
      await emit("project", "updated");
      await run(); // three events, three failures
      const hook = await webhook();
      expect(hook.consecutiveFailures).toBe(3);
      expect(hook.disabledReason).toMatch(/3 delivery attempts in a row failed/);
      expect(await getDb().auditEvent.count({ where: { action: "webhook.disabled", targetId: world.app.id } })).toBe(1);
      later(3600_000);
      expect(await run()).toEqual([]);
    } finally {
      restore();
    }
  });

  it("does not follow redirects: a 302 is a failed attempt", async () => {
    const { receiver, run, events } = await setup((request) =>
      request.path === "/hooks/tessera" ? { status: 302, headers: { location: "/elsewhere" } } : { status: 200 },
    );
    expect(await run()).toMatchObject([{ status: "PENDING", statusCode: 302 }]);
    expect(receiver.received.map((request) => request.path)).toEqual(["/hooks/tessera"]);
    const [row] = await events();
    expect(row.lastError).toBe("Redirect (302 to /elsewhere) not followed");
    expect(row.deliveryLog[0]).toMatchObject({ statusCode: 302, error: "Redirect (302 to /elsewhere) not followed" });
  });

  it("times out a receiver that does not answer, and keeps only the first KB of an answer", async () => {
    const restore = configureWebhookDelivery({ timeoutMs: 300 });
    try {
      const { run, events } = await setup((_, index) => (index === 0 ? { status: 200, delayMs: 2_000 } : { status: 500, body: "x".repeat(5000) }));
      const started = Date.now();
      expect(await run()).toMatchObject([{ status: "PENDING", statusCode: null, error: "Timed out after 0.3 s" }]);
      expect(Date.now() - started).toBeLessThan(1_500);
      later(3600_000);
      await run();
      const [row] = await events();
      expect(row.deliveryLog.map((attempt) => attempt.error)).toEqual(["Timed out after 0.3 s", "HTTP 500"]);
      expect(row.deliveryLog[1].responseSnippet).toBe("x".repeat(1024));
    } finally {
      restore();
    }
  });

  it("sends once more on a fresh connection when a kept-alive one was closed under it", async () => {
    const perSocket = new WeakMap<object, number>();
    const server = http.createServer((req, res) => {
      const n = (perSocket.get(req.socket) ?? 0) + 1;
      perSocket.set(req.socket, n);
      if (n === 2) return req.socket.destroy(); // the receiver drops its idle connection as the next request comes
      req.resume();
      req.on("end", () => res.end("ok"));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const world = await createWebhookWorld(`http://127.0.0.1:${port}/hooks`);
      const emit = () => getDb().$transaction((tx) => emitGroupEvent(tx, { groupId: world.group.id, event: "project", action: "created", data: {}, actor: { type: "system", id: null } }));
      expect(await runWorkerOnce({ webhookIds: [world.webhookId] })).toMatchObject([{ status: "DELIVERED" }]);
      await emit();
      expect(await runWorkerOnce({ webhookIds: [world.webhookId] })).toMatchObject([{ status: "DELIVERED" }]);
      const rows = await getDb().webhookEvent.findMany({ where: { webhookId: world.webhookId } });
      expect(rows.map((row) => [row.status, row.attempts])).toEqual([["DELIVERED", 1], ["DELIVERED", 1]]);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("two workers never double-deliver one attempt", async () => {
    const { receiver, world, emit, events } = await setup((_, index) => ({ status: 200, delayMs: index % 3 }));
    for (let i = 0; i < 39; i++) await emit("work_item", "updated", { i });
    const workers = [1, 2].map((n) => startWebhookWorker({ pollMs: 10, concurrency: 4, workerId: `twin-${n}`, webhookIds: [world.webhookId] }));
    try {
      await receiver.waitFor(40, 15_000);
      await new Promise((resolve) => setTimeout(resolve, 200)); // any duplicate would arrive by now
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
    }
    const ids = receiver.received.map((request) => String(request.headers["webhook-id"]));
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
    const rows = await events();
    expect(rows.every((row) => row.status === "DELIVERED" && row.attempts === 1 && row.deliveryLog.length === 1)).toBe(true);
  });

  it("runs claims of two workers at the same moment without sharing an event", async () => {
    const { world, emit } = await setup();
    for (let i = 0; i < 20; i++) await emit("comment", "created", { i });
    const [a, b] = await Promise.all([
      claimDueEvents("racer-a", 15, { webhookIds: [world.webhookId] }),
      claimDueEvents("racer-b", 15, { webhookIds: [world.webhookId] }),
    ]);
    const ids = [...a, ...b].map((event) => event.id);
    expect(ids).toHaveLength(21);
    expect(new Set(ids).size).toBe(21);
  });

  it("writes no event when the change's transaction rolls back", async () => {
    const { world, events } = await setup();
    const event: GroupEvent = { groupId: world.group.id, event: "project", action: "created", data: {}, actor: { type: "system", id: null } };
    await expect(
      getDb().$transaction(async (tx) => {
        expect(await emitGroupEvent(tx, event)).toBe(1);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect((await events()).map((row) => row.action)).toEqual(["installed"]);
  });

  it("signs with a rotated secret from the next delivery on; ensureWebhook shows a secret only once", async () => {
    const { receiver, world, run, emit } = await setup();
    expect(await ensureWebhook(world.app.id)).toEqual({ webhookId: world.webhookId, secret: null });
    await run();
    const { secret, hint } = await rotateWebhookSecret(world.app.id);
    expect(secret).not.toBe(world.secret);
    expect((await getDb().webhook.findUniqueOrThrow({ where: { id: world.webhookId } })).secretHint).toBe(hint);
    await emit("project", "created");
    await run();
    expectSigned(receiver.received[0], world.secret);
    expectSigned(receiver.received[1], secret);
    expect(verifyPlaneSignature(receiver.received[1].headers, receiver.received[1].body, world.secret)).toBe(false);
  });
});

describe("SSRF guard at connect time", () => {
  it("refuses a name that resolved publicly at save time but privately when connecting (rebinding), without contacting it", async () => {
    const receiver = await startReceiver();
    receivers.push(receiver);
    const lookups: string[] = [];
    // First answer public (the save-time check), then the receiver's own loopback address.
    const rebinding = async () => {
      const address = lookups.length === 0 ? "93.184.216.34" : "127.0.0.1";
      lookups.push(address);
      return [{ address, family: 4 }];
    };
    const url = `https://rebind.example.test:${receiver.port}/hooks/tessera`;
    delete process.env.TESSERA_WEBHOOKS_ALLOW_LOOPBACK;
    const restore = configureWebhookDelivery({ resolve: rebinding });
    try {
      expect(await checkWebhookUrl(url, { resolve: async () => [{ address: "127.0.0.1", family: 4 }] })).toMatch(/public addresses/);
      const world = await createWebhookWorld(url); // saved: the name resolved to a public address then
      expect(lookups).toEqual(["93.184.216.34"]);
      const outcomes = await runWorkerOnce({ webhookIds: [world.webhookId] });
      expect(outcomes).toMatchObject([{ status: "PENDING", statusCode: null }]);
      expect(outcomes[0].error).toMatch(/Refused to connect.*127\.0\.0\.1/);
      expect(lookups).toEqual(["93.184.216.34", "127.0.0.1"]);
      expect(receiver.connections()).toBe(0);
      const [attempt] = await getDb().webhookAttempt.findMany({ where: { event: { webhookId: world.webhookId } } });
      expect(attempt.error).toMatch(/Refused to connect/);
    } finally {
      restore();
      process.env.TESSERA_WEBHOOKS_ALLOW_LOOPBACK = "1";
    }
  });

  it("refuses private and metadata addresses at connect time, by name or literal, even with the development allowance on", async () => {
    const receiver = await startReceiver();
    receivers.push(receiver);
    const worlds = await Promise.all([1, 2, 3, 4].map(() => createWebhookWorld(receiver.url)));
    // From here on every name resolves to a private address.
    const restore = configureWebhookDelivery({ resolve: async () => [{ address: "10.0.0.5", family: 4 }] });
    try {
      for (const [i, url] of ["https://hooks.private.test/x", "https://169.254.169.254/latest/meta-data/", "https://[fd00::1]/x", "http://hooks.private.test/x"].entries()) {
        const world = worlds[i];
        // As if saved before the name moved (or written around the save-time check).
        await getDb().app.update({ where: { id: world.app.id }, data: { webhookUrl: url } });
        const [outcome] = await runWorkerOnce({ webhookIds: [world.webhookId] });
        expect(outcome, url).toMatchObject({ status: "PENDING", statusCode: null });
        expect(outcome.error, url).toMatch(/public addresses|https/);
      }
      expect(receiver.received).toHaveLength(0);
    } finally {
      restore();
    }
  });
});
