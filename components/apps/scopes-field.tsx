"use client";

import { useFormContext } from "react-hook-form";
import type { AppRegistrationInput } from "@/lib/apps/schemas";
import { SCOPES } from "@/lib/apps/scopes";

// The permissions the app may request, each in plain language.
export function ScopesField() {
  const { register, formState } = useFormContext<AppRegistrationInput>();
  const error = formState.errors.scopes?.message;
  return (
    <fieldset>
      <legend className="mb-1.5 text-sm font-medium text-slate-700">Permissions</legend>
      <p className="mb-3 text-xs text-slate-500">What the app may ask for. Each group can narrow this when it adds consent, and a token never exceeds the user&apos;s own role.</p>
      <div className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        {SCOPES.map((scope) => (
          <label key={scope.id} className="flex cursor-pointer items-start gap-3 px-3 py-2.5 has-[:disabled]:cursor-default">
            {"required" in scope ? (
              <input type="checkbox" checked disabled readOnly className="mt-1 accent-brand-600" aria-label={scope.label} />
            ) : (
              <input type="checkbox" value={scope.id} {...register("scopes")} className="mt-1 accent-brand-600" aria-label={scope.label} />
            )}
            <span>
              <span className="text-sm font-medium text-slate-900">{scope.label}</span>
              <code className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[11px] text-slate-600">{scope.id}</code>
              <span className="block text-xs text-slate-600">{scope.description}</span>
            </span>
          </label>
        ))}
      </div>
      {error && <p role="alert" className="mt-1 text-sm text-rose-700">{error}</p>}
    </fieldset>
  );
}
