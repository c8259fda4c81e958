import { CopyButton } from "./copy-button";

// A credential in monospace with its copy button.
export function SecretValue({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <p className="mb-1 text-xs font-medium uppercase tracking-wide text-slate-500">{label}</p>
      <div className="flex items-center gap-2 rounded-lg border border-slate-200 bg-slate-50 px-3 py-2">
        <code data-testid={testId} className="min-w-0 flex-1 break-all font-mono text-sm text-slate-900">{value}</code>
        <CopyButton value={value} label={`Copy ${label}`} />
      </div>
    </div>
  );
}
