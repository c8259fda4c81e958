// Next.js calls register() once when a server process starts. It starts the
// webhook delivery worker there (Node.js runtime only, not while building),
// unless TESSERA_WEBHOOK_WORKER=off. The import is dynamic so nothing of it
// loads at build time or in the Edge runtime.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.TESSERA_WEBHOOK_WORKER === "off" || process.env.NEXT_PHASE === "phase-production-build") return;
  const holder = globalThis as unknown as { tesseraWebhookWorker?: unknown };
  if (holder.tesseraWebhookWorker) return;
  const { startWebhookWorker } = await import("./lib/webhooks/worker");
  holder.tesseraWebhookWorker = startWebhookWorker();
}
