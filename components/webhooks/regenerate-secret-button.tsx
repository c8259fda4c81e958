"use client";

import { useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { regenerateWebhookSecretAction } from "@/lib/webhooks/actions";
import { FormAlert, primaryButton, secondaryButton } from "@/components/form/field";
import { WebhookSecretOnce } from "./webhook-secret-once";

type Props = { groupSlug: string; clientId: string; hasSecret: boolean };

// Regenerate the signing secret, after a confirmation (the old one stops
// verifying at once); the new one is shown here, once.
export function RegenerateSecretButton({ groupSlug, clientId, hasSecret }: Props) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string>();
  const [fresh, setFresh] = useState<string>();
  const [pending, startTransition] = useTransition();
  const label = hasSecret ? "Regenerate secret" : "Generate signing secret";

  const regenerate = () =>
    startTransition(async () => {
      setError(undefined);
      const result = await regenerateWebhookSecretAction(groupSlug, clientId);
      dialog.current?.close();
      if (!result.ok) return setError(result.error);
      setFresh(result.data.secret);
      router.refresh();
    });

  return (
    <div className="space-y-3">
      {error && <FormAlert>{error}</FormAlert>}
      {fresh && <WebhookSecretOnce secret={fresh} label="New webhook signing secret" testId="new-webhook-secret" />}
      <button type="button" onClick={() => (hasSecret ? dialog.current?.showModal() : regenerate())} disabled={pending} className={secondaryButton}>
        {pending ? "Generating…" : label}
      </button>
      <dialog ref={dialog} aria-label="Regenerate the webhook signing secret" className="m-auto w-full max-w-md rounded-xl p-6 shadow-xl backdrop:bg-slate-900/40">
        <h2 className="text-lg font-semibold text-slate-900">Regenerate the signing secret?</h2>
        <p className="mt-2 text-sm text-slate-600">
          Every delivery from now on is signed with the new secret, also retries of earlier events. Your endpoint rejects them until you give it the
          new secret.
        </p>
        <div className="mt-6 flex justify-end gap-3">
          <button type="button" onClick={() => dialog.current?.close()} className={secondaryButton}>Cancel</button>
          <button type="button" onClick={regenerate} disabled={pending} className={primaryButton}>{pending ? "Generating…" : "Regenerate"}</button>
        </div>
      </dialog>
    </div>
  );
}
