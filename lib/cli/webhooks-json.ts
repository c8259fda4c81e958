import type { DeliveryDetail, DeliveryEntry } from "@/lib/webhooks/queries";

// The JSON shapes of the webhooks commands' --json output: snake_case keys,
// lower-case statuses (as --status takes them), ISO dates.

export function toDeliveryJson(entry: DeliveryEntry) {
  return {
    id: entry.id,
    event: entry.event,
    action: entry.action,
    status: entry.status.toLowerCase(),
    installation_id: entry.installationId,
    group: entry.group?.slug ?? null,
    response_code: entry.lastStatusCode,
    latency_ms: entry.lastLatencyMs,
    attempts: entry.attempts,
    next_attempt_at: entry.nextAttemptAt?.toISOString() ?? null,
    last_error: entry.lastError,
    created_at: entry.createdAt.toISOString(),
    delivered_at: entry.deliveredAt?.toISOString() ?? null,
  };
}

export function toDeliveryDetailJson(detail: DeliveryDetail) {
  return {
    ...toDeliveryJson(detail),
    client_id: detail.app.clientId,
    url: detail.url,
    body: detail.body,
    attempt_log: detail.attemptLog.map((attempt) => ({
      number: attempt.number,
      started_at: attempt.startedAt.toISOString(),
      duration_ms: attempt.durationMs,
      status_code: attempt.statusCode,
      error: attempt.error,
      request_headers: attempt.requestHeaders,
      response_snippet: attempt.responseSnippet,
    })),
  };
}
