// Webhook outbox with a local receiver on loopback: events written through
// emitGroupEvent (one change = one transaction), delivered by the in-process
// worker with its default settings (8 in flight, 250 ms poll), and
//  - throughput: a backlog of 2,000 events drained by one worker, then by
//    two workers sharing the database (as two server instances would);
//  - delay from the change (the event row's createdAt) to its receipt,
//    at a steady 50 changes/s, with the default 250 ms poll and a 1 s poll.
// Every request's signatures are verified, and duplicates counted (none
// expected: each attempt is claimed by one worker).
import { performance } from "node:perf_hooks";
import { formatMs, log, printTable, resultRow, timed, withTempDatabase, type BenchModule } from "./harness";

const BACKLOG = 2_000;
const STEADY_EVENTS = 250;
const STEADY_RATE = 50; // changes per second
const DRAIN_TIMEOUT_MS = 60_000;

export const webhooksBench: BenchModule = {
  name: "webhooks",
  title: "Webhook outbox: delivery throughput and change-to-delivery delay (local receiver)",
  run: () =>
    withTempDatabase(async () => {
      process.env.TESSERA_WEBHOOKS_ALLOW_LOOPBACK = "1";
      const { getDb } = await import("../../lib/db");
      const { emitGroupEvent } = await import("../../lib/webhooks/emit");
      const { startWebhookWorker } = await import("../../lib/webhooks/worker");
      const { verifyPlaneSignature, verifyStandardSignature } = await import("../../lib/webhooks/secrets");
      const { startReceiver } = await import("../../lib/webhooks/test-receiver");
      const { createWebhookWorld } = await import("../../lib/webhooks/test-world");

      const receiver = await startReceiver(() => ({ status: 204 }));
      try {
        const world = await createWebhookWorld(receiver.url);
        const db = getDb();
        // The install event of the world itself goes out with the first batch.
        let expected = await db.webhookEvent.count({ where: { webhookId: world.webhookId } });
        const emit = (i: number) =>
          db.$transaction((tx) =>
            emitGroupEvent(tx, {
              groupId: world.group.id,
              event: "work_item",
              action: "updated",
              data: { id: `item-${i}`, name: `Work item ${i}`, state: "in_progress", description: "x".repeat(200) },
              actor: { type: "user", id: world.admin.id },
            }),
          );
        const startWorkers = (count: number, pollMs?: number) =>
          Array.from({ length: count }, (_, n) => startWebhookWorker({ workerId: `bench-${n + 1}`, pollMs, webhookIds: [world.webhookId] }));

        // Receipt times and createdAt per event id, read after each phase.
        const delaysSince = async (from: number) => {
          const requests = receiver.received.slice(from);
          const ids = requests.map((request) => String(request.headers["webhook-id"]));
          const rows = await db.webhookEvent.findMany({ where: { id: { in: ids } }, select: { id: true, createdAt: true } });
          const created = new Map(rows.map((row) => [row.id, row.createdAt.getTime()]));
          return requests.map((request) => request.receivedAt - created.get(String(request.headers["webhook-id"]))!);
        };

        const backlog = async (workers: number) => {
          const writeStart = performance.now();
          for (let i = 0; i < BACKLOG; i++) await emit(i);
          const writeMs = performance.now() - writeStart;
          expected += BACKLOG;
          const from = receiver.received.length;
          const started = performance.now();
          const running = startWorkers(workers);
          let drainMs: number;
          try {
            await receiver.waitFor(expected, DRAIN_TIMEOUT_MS);
            drainMs = performance.now() - started;
          } finally {
            await Promise.all(running.map((worker) => worker.stop()));
          }
          log(
            `${workers} worker${workers > 1 ? "s" : ""}: ${BACKLOG.toLocaleString("en-US")} events written in ${formatMs(writeMs)} (${rate(BACKLOG, writeMs)} changes/s, ` +
              `one transaction each), delivered in ${formatMs(drainMs)}: ${rate(receiver.received.length - from, drainMs)} events/s`,
          );
          return resultRow(`backlog of ${BACKLOG.toLocaleString("en-US")}, ${workers} worker${workers > 1 ? "s" : ""}`, await delaysSince(from), { detail: "queued" });
        };

        const steady = async (pollMs?: number) => {
          const running = startWorkers(1, pollMs);
          const from = receiver.received.length;
          try {
            const started = performance.now();
            for (let i = 0; i < STEADY_EVENTS; i++) {
              await emit(i);
              const due = started + ((i + 1) * 1000) / STEADY_RATE;
              await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
            }
            expected += STEADY_EVENTS;
            await receiver.waitFor(expected, DRAIN_TIMEOUT_MS);
          } finally {
            await Promise.all(running.map((worker) => worker.stop()));
          }
          return resultRow(`steady ${STEADY_RATE} changes/s, poll ${pollMs ? `${pollMs} ms` : "default"}`, await delaysSince(from), { detail: "1 worker" });
        };

        const rows = [];
        rows.push(await timed("backlog, one worker", () => backlog(1)));
        rows.push(await timed("backlog, two workers", () => backlog(2)));
        rows.push(await timed("steady, default poll (250 ms)", () => steady()));
        rows.push(await timed("steady, 1 s poll", () => steady(1000)));

        const ids = receiver.received.map((request) => String(request.headers["webhook-id"]));
        const duplicates = ids.length - new Set(ids).size;
        const badSignatures = receiver.received.filter(
          (request) => !verifyPlaneSignature(request.headers, request.body, world.secret) || !verifyStandardSignature(request.headers, request.body, world.secret),
        ).length;
        const notDelivered = await db.webhookEvent.count({ where: { webhookId: world.webhookId, status: { not: "DELIVERED" } } });
        log("");
        log("delay = receipt at the receiver − the event row's createdAt (written in the change's transaction)");
        printTable(rows);
        log("");
        log(`${ids.length.toLocaleString("en-US")} requests received: ${duplicates} duplicates, ${badSignatures} with a bad signature, ${notDelivered} events not delivered`);
        if (duplicates || badSignatures || notDelivered) throw new Error("webhook delivery was not exactly once with valid signatures");
      } finally {
        await receiver.close();
        delete process.env.TESSERA_WEBHOOKS_ALLOW_LOOPBACK;
      }
    }),
};

function rate(count: number, ms: number): string {
  return Math.round((count * 1000) / ms).toLocaleString("en-US");
}
