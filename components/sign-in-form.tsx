"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { SIGN_IN_FAILED, signInSchema, type SignInInput } from "@/lib/auth/schemas";

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState(initialError);
  const { register, handleSubmit, formState } = useForm<SignInInput>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: "", password: "" },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (result?.ok && !result.error) {
      router.replace(callbackUrl);
      router.refresh();
      return;
    }
    setFormError(describeError(result?.error));
  });

  const { errors, isSubmitting } = formState;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {formError && (
        <div role="alert" data-testid="form-error" className="rounded-lg border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">
          {formError}
        </div>
      )}
      <Field label="Email" error={errors.email?.message}>
        <input type="email" autoComplete="username" autoFocus {...register("email")} className={inputClass(!!errors.email)} />
      </Field>
      <Field label="Password" error={errors.password?.message}>
        <input type="password" autoComplete="current-password" {...register("password")} className={inputClass(!!errors.password)} />
      </Field>
      <button
        type="submit"
        disabled={isSubmitting}
        className="w-full rounded-lg bg-brand-600 px-4 py-2.5 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60"
      >
        {isSubmitting ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}

function describeError(code: string | null | undefined): string {
  if (!code || code === "CredentialsSignin") return SIGN_IN_FAILED;
  if (code.startsWith("Too many")) return code;
  return "Sign-in failed. Please try again.";
}

function Field({ label, error, children }: { label: string; error?: string; children: React.ReactNode }) {
  return (
    <label className="block">
      <span className="mb-1.5 block text-sm font-medium text-slate-700">{label}</span>
      {children}
      {error && <span className="mt-1 block text-sm text-rose-700">{error}</span>}
    </label>
  );
}

function inputClass(invalid: boolean): string {
  const ring = invalid ? "border-rose-400 focus:ring-rose-500" : "border-slate-300 focus:ring-brand-500";
  return `block w-full rounded-lg border bg-white px-3 py-2 text-sm shadow-sm outline-none focus:ring-2 ${ring}`;
}
