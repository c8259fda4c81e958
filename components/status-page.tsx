import Link from "next/link";
import { Wordmark } from "./logo";

// A full-page explanation for 404 / 403 answers.
export function StatusPage({ code, title, children }: { code: string; title: string; children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 text-center">
      <Wordmark />
      <p className="mt-10 text-sm font-semibold text-brand-600">{code}</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight text-slate-900">{title}</h1>
      <p className="mt-3 max-w-md text-slate-600">{children}</p>
      <Link href="/" className="mt-8 rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
        Back to your groups
      </Link>
    </main>
  );
}
