import type { DeliveryDetail } from "@/lib/webhooks/queries";
import { SecretValue } from "@/components/secret-value";
import { formatDate } from "@/components/ui";
import { formatLatency } from "./delivery-status";
import { RedeliverButton } from "./redeliver-button";

type Props = { groupSlug: string; delivery: DeliveryDetail; redeliverBlocked?: string };

function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

const pre = "max-h-80 overflow-auto whitespace-pre-wrap break-all rounded-lg border border-slate-200 bg-slate-50 p-3 font-mono text-xs text-slate-800";

// One delivery opened in the log: the event's id and body, then each attempt
// (newest first) with the headers sent and the first KB of the answer.
export function DeliveryDetailView({ groupSlug, delivery, redeliverBlocked }: Props) {
  return (
    <div className="space-y-5" data-testid="delivery-detail">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0 flex-1">
          <SecretValue label="Event ID" value={delivery.id} testId="delivery-event-id" />
          <p className="mt-1 text-xs text-slate-500">
            Sent as <code className="font-mono">webhook-id</code> and <code className="font-mono">X-Plane-Delivery</code>: a redelivery keeps it, so
            receivers can skip events they already handled.
          </p>
        </div>
        <RedeliverButton groupSlug={groupSlug} eventId={delivery.id} disabledReason={redeliverBlocked} />
      </div>

      <section>
        <h3 className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-500">
          Request body <span className="normal-case text-slate-400">(formatted here; sent as compact JSON, {new TextEncoder().encode(delivery.body).length} bytes)</span>
        </h3>
        <pre className={pre} data-testid="delivery-body">{prettyBody(delivery.body)}</pre>
      </section>

      <section>
        <h3 className="mb-2 text-xs font-medium uppercase tracking-wide text-slate-500">Attempts</h3>
        {delivery.attemptLog.length === 0 ? (
          <p className="text-sm text-slate-600">Not attempted yet{delivery.nextAttemptAt ? `: due ${formatDate(delivery.nextAttemptAt)}` : ""}.</p>
        ) : (
          <ol className="space-y-4" aria-label="Attempts">
            {delivery.attemptLog.map((attempt) => (
              <li key={attempt.id} data-testid="delivery-attempt" className="rounded-lg border border-slate-200 p-4">
                <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
                  <span className="font-semibold text-slate-900">Attempt {attempt.number}</span>
                  <span className="text-slate-600">{formatDate(attempt.startedAt)}</span>
                  <span className={attempt.statusCode !== null && attempt.statusCode < 300 ? "font-medium text-emerald-700" : "font-medium text-rose-700"}>
                    {attempt.statusCode !== null ? `HTTP ${attempt.statusCode}` : "No response"}
                  </span>
                  <span className="text-slate-600">{formatLatency(attempt.durationMs)}</span>
                </p>
                {attempt.error && <p className="mt-1 text-sm text-rose-700">{attempt.error}</p>}
                <div className="mt-3 grid gap-4 lg:grid-cols-2">
                  <div>
                    <h4 className="mb-1 text-xs font-medium text-slate-500">Request headers</h4>
                    {Object.keys(attempt.requestHeaders).length === 0 ? (
                      <p className="text-sm text-slate-600">Nothing was sent.</p>
                    ) : (
                      <pre className={pre} data-testid="attempt-request-headers">
                        {Object.entries(attempt.requestHeaders).map(([name, value]) => `${name}: ${value}`).join("\n")}
                      </pre>
                    )}
                  </div>
                  <div>
                    <h4 className="mb-1 text-xs font-medium text-slate-500">Response (first KB)</h4>
                    {attempt.responseSnippet ? (
                      <pre className={pre} data-testid="attempt-response">{attempt.responseSnippet}</pre>
                    ) : (
                      <p className="text-sm text-slate-600">{attempt.statusCode !== null ? "Empty body." : "No response."}</p>
                    )}
                  </div>
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
