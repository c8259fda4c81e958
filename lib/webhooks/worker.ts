import os from "node:os";
import { randomBytes } from "node:crypto";
import { claimDueEvents, deliverEvent, releaseEvents, type ClaimedEvent, type DeliveryOutcome } from "./deliver";

export { claimDueEvents, deliverEvent, type ClaimedEvent, type DeliveryOutcome } from "./deliver";
export { ensureWebhook, rotateWebhookSecret, enableWebhook, redeliverEvent } from "./mutations";

// The delivery worker: runs inside the server process (started from
// instrumentation.ts), polls the outbox, and keeps a few deliveries in
// flight. Any number of workers may share one database: claims are leases.

export type WorkerOptions = {
  pollMs?: number;
  // Deliveries in flight at once.
  concurrency?: number;
  workerId?: string;
  // Only these webhooks' events (tests, benchmarks); all by default.
  webhookIds?: string[];
  log?: (message: string) => void;
};

export type WebhookWorker = { workerId: string; stop(): Promise<void>; wake(): void };

export function newWorkerId(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}

export function startWebhookWorker({ pollMs = 250, concurrency = 8, workerId = newWorkerId(), webhookIds, log = console.error }: WorkerOptions = {}): WebhookWorker {
  const inFlight = new Set<Promise<unknown>>();
  let stopped = false;
  // A wake-up that comes while the loop is busy is kept for its next pause.
  let woken = false;
  let wakeUp: (() => void) | null = null;
  const wake = () => {
    woken = true;
    wakeUp?.();
  };
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken) {
        woken = false;
        return resolve();
      }
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeUp = null;
        woken = false;
        resolve();
      }
      wakeUp = done;
    });

  // Claimed in batches (fewer claim queries), delivered `concurrency` at a time.
  const batchSize = concurrency * 2;
  const queue: ClaimedEvent[] = [];
  const deliver = (event: ClaimedEvent) => {
    const delivery: Promise<unknown> = deliverEvent(event)
      .catch((error) => log(`[webhooks] delivering ${event.id} failed: ${error instanceof Error ? error.message : error}`))
      .finally(() => {
        inFlight.delete(delivery);
        wake();
      });
    inFlight.add(delivery);
  };

  const loop = async () => {
    let moreDue = false;
    while (!stopped) {
      woken = false;
      if (queue.length === 0 && inFlight.size < concurrency) {
        try {
          const events = await claimDueEvents(workerId, batchSize, { webhookIds });
          queue.push(...events);
          moreDue = events.length === batchSize;
        } catch (error) {
          moreDue = false;
          log(`[webhooks] claiming events failed: ${error instanceof Error ? error.message : error}`);
        }
      }
      while (queue.length > 0 && inFlight.size < concurrency && !stopped) deliver(queue.shift()!);
      // Look again at once while more is due and a slot is free; else wait
      // for the poll interval or a finished delivery.
      if (!stopped && !(moreDue && queue.length === 0 && inFlight.size < concurrency)) await pause(pollMs);
    }
    // Claimed but not started: hand them back instead of waiting for the lease to end.
    await releaseEvents(queue.splice(0)).catch(() => undefined);
  };
  const running = loop();

  return {
    workerId,
    wake,
    async stop() {
      stopped = true;
      wake();
      await running;
      await Promise.allSettled([...inFlight]);
    },
  };
}

// One round for tests and scripts: claim what is due, deliver it all, return the outcomes.
export async function runWorkerOnce({
  workerId = newWorkerId(),
  limit = 50,
  webhookIds,
}: { workerId?: string; limit?: number; webhookIds?: string[] } = {}): Promise<DeliveryOutcome[]> {
  const events = await claimDueEvents(workerId, limit, { webhookIds });
  return Promise.all(events.map((event) => deliverEvent(event)));
}
