"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { generateSecretAction, revokeSecretAction } from "@/lib/apps/actions";
import { SECRET_LIFETIME_LABELS } from "@/lib/apps/labels";
import { FormAlert, primaryButton, secondaryButton } from "@/components/form/field";
import { SecretValue } from "@/components/secret-value";

export type SecretRow = { id: string; hint: string; createdAt: string; lastUsedAt: string | null; expiresAt: string | null; revokedAt: string | null; live: boolean };

type Props = { groupSlug: string; clientId: string; secrets: SecretRow[]; maxLive: number };

// The app's client secrets: generate (shown once), revoke.
export function SecretsPanel({ groupSlug, clientId, secrets, maxLive }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string>();
  const [fresh, setFresh] = useState<string>();
  const [expiresIn, setExpiresIn] = useState<keyof typeof SECRET_LIFETIME_LABELS>("never");
  const liveCount = secrets.filter((secret) => secret.live).length;

  const generate = () =>
    startTransition(async () => {
      setError(undefined);
      const result = await generateSecretAction(groupSlug, clientId, { expiresIn });
      if (!result.ok) return setError(result.error);
      setFresh(result.data.secret);
      router.refresh();
    });

  const revoke = (secret: SecretRow) => {
    if (!window.confirm(`Revoke the secret ending in …${secret.hint}? Apps using it stop working at once.`)) return;
    startTransition(async () => {
      setError(undefined);
      const result = await revokeSecretAction(groupSlug, clientId, secret.id);
      if (!result.ok) return setError(result.error);
      router.refresh();
    });
  };

  return (
    <div className="space-y-4">
      {error && <FormAlert>{error}</FormAlert>}
      {fresh && (
        <div className="space-y-2 rounded-lg border border-amber-200 bg-amber-50 p-4">
          <SecretValue label="New Client Secret" value={fresh} testId="new-client-secret" />
          <p className="text-sm text-amber-900"><strong>Copy it now.</strong> It will not be shown again. Update your app, then revoke the old secret.</p>
        </div>
      )}
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase tracking-wide text-slate-500">
          <tr><th className="py-2 font-medium">Secret</th><th className="py-2 font-medium">Created</th><th className="py-2 font-medium">Last used</th><th className="py-2 font-medium">Expires</th><th /></tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {secrets.map((secret) => (
            <tr key={secret.id} data-testid="secret-row" className={secret.live ? "" : "text-slate-400"}>
              <td className="py-2.5 font-mono">…{secret.hint}</td>
              <td className="py-2.5">{formatDay(secret.createdAt)}</td>
              <td className="py-2.5">{secret.lastUsedAt ? formatDay(secret.lastUsedAt) : "Never"}</td>
              <td className="py-2.5">{secret.revokedAt ? `Revoked ${formatDay(secret.revokedAt)}` : secret.expiresAt ? `${secret.live ? "" : "Expired "}${formatDay(secret.expiresAt)}` : "Never"}</td>
              <td className="py-2.5 text-right">
                {secret.live && (
                  <button type="button" disabled={pending} onClick={() => revoke(secret)} className="text-sm font-medium text-rose-700 hover:text-rose-800 disabled:opacity-50">
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 pt-4">
        <select aria-label="Expires" value={expiresIn} onChange={(event) => setExpiresIn(event.target.value as typeof expiresIn)} className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm outline-none focus:ring-2 focus:ring-brand-500">
          {Object.entries(SECRET_LIFETIME_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
        <button type="button" disabled={pending || liveCount >= maxLive} onClick={generate} className={liveCount >= maxLive ? secondaryButton : primaryButton}>
          Generate new secret
        </button>
        {liveCount >= maxLive && <span className="text-xs text-slate-500">At most {maxLive} live secrets: revoke one to generate another.</span>}
      </div>
    </div>
  );
}

function formatDay(iso: string): string {
  return new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(iso));
}
