"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { redeliverWebhookEventAction } from "@/lib/webhooks/actions";
import { secondaryButton } from "@/components/form/field";

// Sends the event again (same id, same body) as soon as the worker is free.
export function RedeliverButton({ groupSlug, eventId, disabledReason }: { groupSlug: string; eventId: string; disabledReason?: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [pending, startTransition] = useTransition();
  const redeliver = () =>
    startTransition(async () => {
      setMessage(undefined);
      const result = await redeliverWebhookEventAction(groupSlug, eventId);
      if (!result.ok) return setMessage({ ok: false, text: result.error });
      setMessage({ ok: true, text: "Queued: it goes out again in a moment, with the same event id." });
      router.refresh();
    });
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="button" onClick={redeliver} disabled={pending || !!disabledReason} title={disabledReason} className={secondaryButton}>
        {pending ? "Redelivering…" : "Redeliver"}
      </button>
      {disabledReason && <span className="text-xs text-slate-500">{disabledReason}</span>}
      {message && (
        <span role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-emerald-700" : "text-rose-700"}`}>
          {message.text}
        </span>
      )}
    </div>
  );
}
