"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { SIGN_IN_FAILED, signInSchema, type SignInInput } from "@/lib/auth/schemas";
import { Field, FormAlert, inputClass, primaryButton } from "./form/field";

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
      {formError && <FormAlert>{formError}</FormAlert>}
      <Field label="Email" error={errors.email?.message}>
        {(id, describedBy) => (
          <input id={id} aria-describedby={describedBy} type="email" autoComplete="username" autoFocus {...register("email")} className={inputClass(!!errors.email)} />
        )}
      </Field>
      <Field label="Password" error={errors.password?.message}>
        {(id, describedBy) => (
          <input id={id} aria-describedby={describedBy} type="password" autoComplete="current-password" {...register("password")} className={inputClass(!!errors.password)} />
        )}
      </Field>
      <button type="submit" disabled={isSubmitting} className={`w-full py-2.5 ${primaryButton}`}>
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
