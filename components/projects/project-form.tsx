"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { createProjectSchema, type ProjectFormValues } from "@/lib/projects/schemas";
import { createProjectAction, updateProjectAction } from "@/lib/projects/actions";
import { Field, FormAlert, inputClass, primaryButton } from "@/components/form/field";

type Props = { groupSlug: string; project?: { id: string; name: string; description: string } };

// Creates a project (then opens it), or edits one's name and description.
export function ProjectForm({ groupSlug, project }: Props) {
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const form = useForm<ProjectFormValues>({
    resolver: zodResolver(createProjectSchema),
    defaultValues: { name: project?.name ?? "", description: project?.description ?? "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async () => {
    setFormError(undefined);
    setSaved(false);
    const values = form.getValues();
    const result = project ? await updateProjectAction(groupSlug, project.id, values) : await createProjectAction(groupSlug, values);
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.fields ?? {})) form.setError(field as keyof ProjectFormValues, { message });
      return setFormError(result.error);
    }
    if (project) {
      form.reset(values);
      setSaved(true);
      router.refresh();
    } else {
      router.push(`/g/${groupSlug}/projects/${result.data.id}`);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={project ? "Edit project" : "New project"}>
      {formError && <FormAlert>{formError}</FormAlert>}
      <Field label="Name" error={errors.name?.message}>
        {(id, describedBy) => <input id={id} aria-describedby={describedBy} aria-invalid={!!errors.name} {...form.register("name")} className={inputClass(!!errors.name)} />}
      </Field>
      <Field label="Description" optional error={errors.description?.message}>
        {(id, describedBy) => <textarea id={id} rows={3} aria-describedby={describedBy} {...form.register("description")} className={inputClass(!!errors.description)} />}
      </Field>
      <div className="flex items-center justify-end gap-3">
        {saved && <span role="status" className="text-sm text-emerald-700">Saved.</span>}
        <button type="submit" disabled={isSubmitting} className={primaryButton}>
          {isSubmitting ? "Saving…" : project ? "Save project" : "Create project"}
        </button>
      </div>
    </form>
  );
}
