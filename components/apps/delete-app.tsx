"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { deleteAppAction } from "@/lib/apps/actions";
import { Field, FormAlert, dangerButton, inputClass } from "@/components/form/field";

// The danger zone: delete after typing the app's name.
export function DeleteApp({ groupSlug, clientId, name }: { groupSlug: string; clientId: string; name: string }) {
  const router = useRouter();
  const [confirmName, setConfirmName] = useState("");
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await deleteAppAction(groupSlug, clientId, { confirmName });
      if (!result.ok) return setError(result.fields?.confirmName ?? result.error);
      router.push(`/g/${groupSlug}/settings/apps?deleted=${encodeURIComponent(name)}`);
      router.refresh();
    });
  };

  return (
    <form onSubmit={submit} className="space-y-4">
      <p className="text-sm text-slate-700">
        Deleting <strong>{name}</strong> removes its registration and secrets, ends every installation and token of the app, and cannot be undone.
      </p>
      {error && <FormAlert>{error}</FormAlert>}
      <Field label={`Type “${name}” to confirm`}>
        {(id) => <input id={id} value={confirmName} onChange={(event) => setConfirmName(event.target.value)} autoComplete="off" className={inputClass(!!error)} />}
      </Field>
      <button type="submit" disabled={pending || confirmName.trim() !== name} className={dangerButton}>
        {pending ? "Deleting…" : "Delete app"}
      </button>
    </form>
  );
}
