"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { reenableWebhookAction } from "@/lib/webhooks/actions";
import { FormAlert, primaryButton } from "@/components/form/field";

// Re-enable paused deliveries by hand: pending events go out again.
export function ReenableWebhookButton({ groupSlug, clientId }: { groupSlug: string; clientId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const enable = () =>
    startTransition(async () => {
      setError(undefined);
      const result = await reenableWebhookAction(groupSlug, clientId);
      if (!result.ok) return setError(result.error);
      router.refresh();
    });
  return (
    <div className="space-y-2">
      {error && <FormAlert>{error}</FormAlert>}
      <button type="button" onClick={enable} disabled={pending} className={primaryButton}>
        {pending ? "Re-enabling…" : "Re-enable deliveries"}
      </button>
    </div>
  );
}
