import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/auth/redirects";
import { Wordmark } from "@/components/logo";
import { SignInForm } from "@/components/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const initialError = params.error?.startsWith("Too many") ? params.error : params.error ? "Sign-in failed. Please try again." : undefined;

  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-brand-50 to-slate-50 px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex justify-center">
          <Wordmark />
        </div>
        <div className="rounded-2xl border border-slate-200 bg-white p-8 shadow-sm">
          <h1 className="text-xl font-semibold text-slate-900">Sign in to Tessera</h1>
          <p className="mt-1 mb-6 text-sm text-slate-600">Manage your groups&apos; apps and connections.</p>
          <SignInForm callbackUrl={callbackUrl} initialError={initialError} />
        </div>
        <p className="mt-6 text-center text-xs text-slate-500">Self-hosted Custom Apps platform · OAuth 2.0 &amp; OpenID Connect</p>
      </div>
    </main>
  );
}
