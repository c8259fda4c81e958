"use client";

import { useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { removeMemberAction } from "@/lib/groups/actions";
import { FormAlert, dangerButton, secondaryButton } from "@/components/form/field";

type Props = { groupSlug: string; member: { userId: string; name: string }; isSelf: boolean; disabledReason?: string };

// Removes a member from the group, after confirming.
export function RemoveMemberButton({ groupSlug, member, isSelf, disabledReason }: Props) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const confirm = () =>
    startTransition(async () => {
      const result = await removeMemberAction(groupSlug, member.userId);
      if (!result.ok) return setError(result.error);
      dialog.current?.close();
      // Someone who left the group can no longer see it.
      if (isSelf) router.push("/");
      router.refresh();
    });
  return (
    <>
      <button
        type="button"
        disabled={!!disabledReason}
        title={disabledReason}
        aria-label={`Remove ${member.name}`}
        onClick={() => {
          setError(undefined);
          dialog.current?.showModal();
        }}
        className="text-sm font-medium text-rose-700 hover:text-rose-800 disabled:cursor-not-allowed disabled:text-slate-400"
      >
        Remove
      </button>
      <dialog ref={dialog} aria-label={`Remove ${member.name}`} className="m-auto w-full max-w-md rounded-xl p-6 text-left shadow-xl backdrop:bg-slate-900/40">
        <h2 className="text-lg font-semibold text-slate-900">{isSelf ? "Leave this group?" : `Remove ${member.name}?`}</h2>
        <p className="mt-2 text-sm text-slate-600">
          {isSelf ? "You lose access to the group at once" : `${member.name} loses access to the group at once`}, and so do the apps acting for{" "}
          {isSelf ? "you" : "them"} here: their tokens stop working at their next call.
        </p>
        {error && <div className="mt-4"><FormAlert>{error}</FormAlert></div>}
        <div className="mt-6 flex justify-end gap-3">
          <button type="button" onClick={() => dialog.current?.close()} className={secondaryButton}>Cancel</button>
          <button type="button" onClick={confirm} disabled={pending} className={dangerButton}>{pending ? "Removing…" : isSelf ? "Leave group" : "Remove member"}</button>
        </div>
      </dialog>
    </>
  );
}
