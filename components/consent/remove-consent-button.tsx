"use client";

import { useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { removeConsentAction } from "@/lib/consent/actions";
import { FormAlert, dangerButton, secondaryButton } from "@/components/form/field";

// Remove consent, after a confirmation that says what stops working.
export function RemoveConsentButton({ groupSlug, installationId, appName }: { groupSlug: string; installationId: string; appName: string }) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const confirm = () =>
    startTransition(async () => {
      const result = await removeConsentAction(groupSlug, installationId);
      if (!result.ok) return setError(result.error);
      dialog.current?.close();
      router.refresh();
    });
  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()} className="text-sm font-medium text-rose-700 hover:text-rose-800">
        Remove consent
      </button>
      <dialog ref={dialog} aria-label={`Remove consent for ${appName}`} className="m-auto w-full max-w-md rounded-xl p-6 shadow-xl backdrop:bg-slate-900/40">
        <h2 className="text-lg font-semibold text-slate-900">Remove consent for {appName}?</h2>
        <p className="mt-2 text-sm text-slate-600">The app stops working in this group at once: its sign-ins, tokens and bot access here end. You can add consent again later.</p>
        {error && <div className="mt-4"><FormAlert>{error}</FormAlert></div>}
        <div className="mt-6 flex justify-end gap-3">
          <button type="button" onClick={() => dialog.current?.close()} className={secondaryButton}>Cancel</button>
          <button type="button" onClick={confirm} disabled={pending} className={dangerButton}>{pending ? "Removing…" : "Remove consent"}</button>
        </div>
      </dialog>
    </>
  );
}
