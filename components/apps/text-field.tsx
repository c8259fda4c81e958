"use client";

import { get, useFormContext } from "react-hook-form";
import type { AppRegistrationInput } from "@/lib/apps/schemas";
import { Field, inputClass } from "@/components/form/field";

type Name = "name" | "description" | "logoUrl" | "homepageUrl" | "setupUrl" | "webhookUrl" | "contactEmail" | "privacyPolicyUrl" | "termsUrl" | "publisherName" | "publisherUrl";

type Props = { name: Name; label: string; hint?: string; optional?: boolean; placeholder?: string; type?: string; multiline?: boolean };

// A registered text input of the app form, with its inline error.
export function TextField({ name, label, hint, optional, placeholder, type = "text", multiline }: Props) {
  const { register, formState } = useFormContext<AppRegistrationInput>();
  const error = (get(formState.errors, name) as { message?: string } | undefined)?.message;
  return (
    <Field label={label} hint={hint} error={error} optional={optional}>
      {(id, describedBy) =>
        multiline ? (
          <textarea id={id} rows={3} aria-describedby={describedBy} aria-invalid={!!error} placeholder={placeholder} {...register(name)} className={inputClass(!!error)} />
        ) : (
          <input id={id} type={type} aria-describedby={describedBy} aria-invalid={!!error} placeholder={placeholder} {...register(name)} className={inputClass(!!error)} />
        )
      }
    </Field>
  );
}
