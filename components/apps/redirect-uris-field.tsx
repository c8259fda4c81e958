"use client";

import { useFieldArray, useFormContext } from "react-hook-form";
import type { AppRegistrationInput } from "@/lib/apps/schemas";
import { inputClass, secondaryButton } from "@/components/form/field";

const MAX = 10;

// The exact redirect URIs, one input each, with add and remove.
export function RedirectUrisField() {
  const { register, control, formState } = useFormContext<AppRegistrationInput>();
  const { fields, append, remove } = useFieldArray({ control, name: "redirectUris" });
  const errors = formState.errors.redirectUris;
  return (
    <fieldset>
      <legend className="mb-1.5 text-sm font-medium text-slate-700">Redirect URIs</legend>
      <p className="mb-3 text-xs text-slate-500">
        Where Tessera sends the authorization code. Matched exactly: https only, except http on localhost, 127.0.0.1 and [::1]. No wildcards or fragments.
      </p>
      <ul className="space-y-2">
        {fields.map((field, index) => {
          const error = errors?.[index]?.uri?.message;
          return (
            <li key={field.id}>
              <div className="flex gap-2">
                <input
                  aria-label={`Redirect URI ${index + 1}`}
                  aria-invalid={!!error}
                  placeholder="https://app.example.com/oauth/callback"
                  {...register(`redirectUris.${index}.uri` as const)}
                  className={`${inputClass(!!error)} font-mono`}
                />
                {fields.length > 1 && (
                  <button type="button" onClick={() => remove(index)} className={secondaryButton} aria-label={`Remove redirect URI ${index + 1}`}>
                    Remove
                  </button>
                )}
              </div>
              {error && <p role="alert" className="mt-1 text-sm text-rose-700">{error}</p>}
            </li>
          );
        })}
      </ul>
      {errors?.root?.message || errors?.message ? (
        <p role="alert" className="mt-1 text-sm text-rose-700">{errors?.root?.message ?? errors?.message}</p>
      ) : null}
      {fields.length < MAX && (
        <button type="button" onClick={() => append({ uri: "" })} className={`mt-3 ${secondaryButton}`}>
          Add another URI
        </button>
      )}
    </fieldset>
  );
}
