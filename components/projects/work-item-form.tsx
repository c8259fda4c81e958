"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { STATE_LABELS, WORK_ITEM_STATES, workItemFormSchema, type WorkItemFormValues } from "@/lib/projects/schemas";
import { createWorkItemAction, updateWorkItemAction } from "@/lib/projects/actions";
import { Field, FormAlert, inputClass, primaryButton } from "@/components/form/field";

export type AssigneeOption = { key: string; name: string; detail: string; type: "user" | "bot" };

type Props = {
  groupSlug: string;
  projectId: string;
  assignees: AssigneeOption[];
  // Editing an existing work item, or creating one in the project.
  workItem?: { id: string; values: WorkItemFormValues; currentAssigneeName?: string };
};

const EMPTY: WorkItemFormValues = { title: "", description: "", state: "TODO", assignee: "" };

export function WorkItemForm({ groupSlug, projectId, assignees, workItem }: Props) {
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const form = useForm<WorkItemFormValues>({ resolver: zodResolver(workItemFormSchema), defaultValues: workItem?.values ?? EMPTY });
  const { errors, isSubmitting } = form.formState;
  const people = assignees.filter((option) => option.type === "user");
  const bots = assignees.filter((option) => option.type === "bot");
  // Someone who left the group (or a bot whose app was removed or is no
  // longer mentionable) stays selectable on the item they still hold.
  const current = workItem?.values.assignee;
  const orphan = current && !assignees.some((option) => option.key === current) ? current : null;

  const onSubmit = form.handleSubmit(async () => {
    setFormError(undefined);
    setSaved(false);
    const values = form.getValues();
    const result = workItem ? await updateWorkItemAction(groupSlug, workItem.id, values) : await createWorkItemAction(groupSlug, projectId, values);
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.fields ?? {})) form.setError(field as keyof WorkItemFormValues, { message });
      return setFormError(result.error);
    }
    if (workItem) {
      form.reset(values);
      setSaved(true);
    } else {
      form.reset(EMPTY);
      router.push(`/g/${groupSlug}/projects/${projectId}?item=${result.data.id}`);
    }
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={workItem ? "Edit work item" : "New work item"}>
      {formError && <FormAlert>{formError}</FormAlert>}
      <Field label="Title" error={errors.title?.message}>
        {(id, describedBy) => <input id={id} aria-describedby={describedBy} aria-invalid={!!errors.title} {...form.register("title")} className={inputClass(!!errors.title)} />}
      </Field>
      <Field label="Description" optional error={errors.description?.message}>
        {(id, describedBy) => <textarea id={id} rows={3} aria-describedby={describedBy} {...form.register("description")} className={inputClass(!!errors.description)} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="State" error={errors.state?.message}>
          {(id) => (
            <select id={id} {...form.register("state")} className={inputClass(!!errors.state)}>
              {WORK_ITEM_STATES.map((state) => <option key={state} value={state}>{STATE_LABELS[state]}</option>)}
            </select>
          )}
        </Field>
        <Field label="Assignee" error={errors.assignee?.message}>
          {(id) => (
            <select id={id} {...form.register("assignee")} className={inputClass(!!errors.assignee)}>
              <option value="">Unassigned</option>
              {orphan && (
                <option value={orphan}>
                  {orphan.startsWith("bot:")
                    ? `${workItem?.currentAssigneeName ?? "Former app"} (app no longer installed or mentionable)`
                    : `${workItem?.currentAssigneeName ?? "Former member"} (left the group)`}
                </option>
              )}
              <optgroup label="People">
                {people.map((option) => <option key={option.key} value={option.key}>{option.name} · {option.detail}</option>)}
              </optgroup>
              {bots.length > 0 && (
                <optgroup label="Apps">
                  {bots.map((option) => <option key={option.key} value={option.key}>{option.name}</option>)}
                </optgroup>
              )}
            </select>
          )}
        </Field>
      </div>
      <div className="flex items-center justify-end gap-3">
        {saved && <span role="status" className="text-sm text-emerald-700">Saved.</span>}
        <button type="submit" disabled={isSubmitting} className={primaryButton}>
          {isSubmitting ? "Saving…" : workItem ? "Save work item" : "Add work item"}
        </button>
      </div>
    </form>
  );
}
