import type { DeliveryEntry } from "@/lib/webhooks/queries";
import { formatDate } from "./format-app";
import { formatTable } from "./format-table";

// Human output of `webhooks deliveries`: one delivery a line.
export function formatDeliveryTable(entries: DeliveryEntry[]): string[] {
  const rows = entries.map((entry) => [
    entry.id,
    `${entry.event}.${entry.action}`,
    entry.status.toLowerCase(),
    entry.lastStatusCode !== null ? String(entry.lastStatusCode) : entry.lastError ? "error" : "-",
    entry.lastLatencyMs !== null ? `${entry.lastLatencyMs}ms` : "-",
    String(entry.attempts),
    formatDate(entry.nextAttemptAt),
    entry.group?.slug ?? "-",
    formatDate(entry.createdAt),
  ]);
  return formatTable(["EVENT_ID", "EVENT", "STATUS", "RESPONSE", "LATENCY", "ATTEMPTS", "NEXT_RETRY", "GROUP", "CREATED"], rows);
}
