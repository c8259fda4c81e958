"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { addCommentAction } from "@/lib/projects/actions";
import { Field, FormAlert, inputClass, primaryButton } from "@/components/form/field";

export function CommentForm({ groupSlug, workItemId }: { groupSlug: string; workItemId: string }) {
  const router = useRouter();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await addCommentAction(groupSlug, workItemId, { body });
      if (!result.ok) return setError(result.fields?.body ?? result.error);
      setError(undefined);
      setBody("");
      router.refresh();
    });
  };

  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Add a comment">
      {error && <FormAlert>{error}</FormAlert>}
      <Field label="Comment">
        {(id) => <textarea id={id} rows={3} value={body} onChange={(event) => setBody(event.target.value)} className={inputClass(!!error)} />}
      </Field>
      <div className="flex justify-end">
        <button type="submit" disabled={pending || !body.trim()} className={primaryButton}>{pending ? "Posting…" : "Comment"}</button>
      </div>
    </form>
  );
}
