"use client";

import { useFormContext } from "react-hook-form";

type Option = { value: string; label: string; description: string };

// A radio group drawn as cards, each with a one-line explanation.
export function ChoiceCards({ name, legend, options, disabled, error }: { name: string; legend: string; options: Option[]; disabled?: boolean; error?: string }) {
  const { register } = useFormContext();
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium text-slate-700">{legend}</legend>
      <div className={`grid gap-3 ${options.length > 2 ? "sm:grid-cols-3" : "sm:grid-cols-2"}`}>
        {options.map((option) => (
          <label
            key={option.value}
            className="relative flex cursor-pointer flex-col rounded-lg border border-slate-300 bg-white p-3 shadow-sm has-[:checked]:border-brand-600 has-[:checked]:ring-1 has-[:checked]:ring-brand-600 has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-70"
          >
            <span className="flex items-center gap-2">
              <input type="radio" value={option.value} disabled={disabled} {...register(name)} className="accent-brand-600" />
              <span className="text-sm font-medium text-slate-900">{option.label}</span>
            </span>
            <span className="mt-1 pl-5 text-xs text-slate-600">{option.description}</span>
          </label>
        ))}
      </div>
      {error && <p role="alert" className="mt-1 text-sm text-rose-700">{error}</p>}
    </fieldset>
  );
}
