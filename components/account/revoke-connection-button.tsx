"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { revokeConnectedAppAction } from "@/lib/oidc/actions";

// Ends one app's access (its grant and every token) after a confirmation.
export function RevokeConnectionButton({ grantId, appName }: { grantId: string; appName: string }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const revoke = () => {
    if (!window.confirm(`Revoke ${appName}'s access? It stops working at once and must ask you again.`)) return;
    startTransition(async () => {
      const result = await revokeConnectedAppAction(grantId);
      if (!result.ok) return setError(result.error);
      router.refresh();
    });
  };
  return (
    <span className="flex flex-col items-end gap-1">
      <button type="button" onClick={revoke} disabled={pending} className="text-sm font-medium text-rose-700 hover:text-rose-800 disabled:opacity-50">
        {pending ? "Revoking…" : "Revoke"}
      </button>
      {error && <span role="alert" className="text-xs text-rose-700">{error}</span>}
    </span>
  );
}
