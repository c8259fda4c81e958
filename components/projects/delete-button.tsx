"use client";

import { useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { deleteProjectAction, deleteWorkItemAction } from "@/lib/projects/actions";
import { FormAlert, dangerButton, secondaryButton } from "@/components/form/field";

type Props = { groupSlug: string; target: { kind: "project" | "work-item"; id: string; name: string }; afterDelete: string };

// Deletes a project (with its work items) or a work item, after confirming.
export function DeleteButton({ groupSlug, target, afterDelete }: Props) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const what = target.kind === "project" ? "project" : "work item";
  const confirm = () =>
    startTransition(async () => {
      const result = target.kind === "project" ? await deleteProjectAction(groupSlug, target.id) : await deleteWorkItemAction(groupSlug, target.id);
      if (!result.ok) return setError(result.error);
      dialog.current?.close();
      router.push(afterDelete);
      router.refresh();
    });
  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()} className="text-sm font-medium text-rose-700 hover:text-rose-800">
        Delete {what}
      </button>
      <dialog ref={dialog} aria-label={`Delete ${target.name}`} className="m-auto w-full max-w-md rounded-xl p-6 shadow-xl backdrop:bg-slate-900/40">
        <h2 className="text-lg font-semibold text-slate-900">Delete “{target.name}”?</h2>
        <p className="mt-2 text-sm text-slate-600">
          {target.kind === "project" ? "Its work items and their comments are deleted too. " : "Its comments are deleted too. "}
          This cannot be undone, for people and apps alike.
        </p>
        {error && <div className="mt-4"><FormAlert>{error}</FormAlert></div>}
        <div className="mt-6 flex justify-end gap-3">
          <button type="button" onClick={() => dialog.current?.close()} className={secondaryButton}>Cancel</button>
          <button type="button" onClick={confirm} disabled={pending} className={dangerButton}>{pending ? "Deleting…" : `Delete ${what}`}</button>
        </div>
      </dialog>
    </>
  );
}
