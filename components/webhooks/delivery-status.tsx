import type { DeliveryStatus } from "@/lib/webhooks/queries";
import { Badge } from "@/components/ui";

export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = { PENDING: "Pending", DELIVERED: "Delivered", FAILED: "Failed" };
const TONES = { PENDING: "amber", DELIVERED: "green", FAILED: "red" } as const;

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  return <Badge tone={TONES[status]}>{DELIVERY_STATUS_LABELS[status]}</Badge>;
}

export function formatLatency(ms: number | null): string {
  if (ms === null) return "—";
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
