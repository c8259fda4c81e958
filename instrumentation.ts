// Next.js calls register() once when a server process starts. It starts the
// webhook delivery worker and the hourly secret-expiry check there (Node.js runtime only, not while building),
// unless TESSERA_WEBHOOK_WORKER=off. The import is dynamic so nothing of it
// loads at build time or in the Edge runtime.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.TESSERA_WEBHOOK_WORKER === "off" || process.env.NEXT_PHASE === "phase-production-build") return;
  const holder = globalThis as unknown as { tesseraWebhookWorker?: unknown };
  if (holder.tesseraWebhookWorker) return;
  const { startWebhookWorker } = await import("./lib/webhooks/worker");
  const { startPeriodicEvents } = await import("./lib/webhooks/schedule");
  holder.tesseraWebhookWorker = { worker: startWebhookWorker(), periodic: startPeriodicEvents() };
}
