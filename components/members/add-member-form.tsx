"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { addMemberSchema, type AddMember, type AddMemberInput } from "@/lib/groups/schemas";
import { addMemberAction } from "@/lib/groups/actions";
import { Field, FormAlert, inputClass, primaryButton } from "@/components/form/field";
import type { RoleOption } from "./role-select";

type Props = { groupSlug: string; roles: RoleOption[] };

const EMPTY: AddMemberInput = { email: "", role: "MEMBER" };

// Adds someone who already has a Tessera account to the group, with a role.
export function AddMemberForm({ groupSlug, roles }: Props) {
  const router = useRouter();
  const [formError, setFormError] = useState<string>();
  const [added, setAdded] = useState<string>();
  const form = useForm<AddMemberInput, unknown, AddMember>({ resolver: zodResolver(addMemberSchema), defaultValues: EMPTY });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    setAdded(undefined);
    const result = await addMemberAction(groupSlug, values);
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.fields ?? {})) form.setError(field as keyof AddMemberInput, { message });
      return setFormError(result.error);
    }
    form.reset(EMPTY);
    setAdded(result.data.name);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Add member" className="space-y-4">
      {formError && <FormAlert>{formError}</FormAlert>}
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
        <Field label="Email" hint="The person must already have a Tessera account." error={errors.email?.message}>
          {(id, describedBy) => (
            <input id={id} type="email" autoComplete="off" placeholder="name@example.com" aria-describedby={describedBy} aria-invalid={!!errors.email} {...form.register("email")} className={inputClass(!!errors.email)} />
          )}
        </Field>
        <Field label="Role" error={errors.role?.message}>
          {(id, describedBy) => (
            <select id={id} aria-describedby={describedBy} {...form.register("role")} className={inputClass(!!errors.role)}>
              {roles.map((role) => <option key={role.value} value={role.value} title={role.description}>{role.label}</option>)}
            </select>
          )}
        </Field>
      </div>
      <div className="flex items-center justify-end gap-3">
        {added && <span role="status" className="text-sm text-emerald-700">Added {added}.</span>}
        <button type="submit" disabled={isSubmitting} className={primaryButton}>{isSubmitting ? "Adding…" : "Add member"}</button>
      </div>
    </form>
  );
}
