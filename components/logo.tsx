// Tessera's mark: four tiles, one of them lit.
export function Logo({ className = "h-7 w-7" }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true">
      <rect x="2" y="2" width="13" height="13" rx="3" className="fill-brand-600" />
      <rect x="17" y="2" width="13" height="13" rx="3" className="fill-brand-100" />
      <rect x="2" y="17" width="13" height="13" rx="3" className="fill-brand-100" />
      <rect x="17" y="17" width="13" height="13" rx="3" className="fill-brand-500" />
    </svg>
  );
}

export function Wordmark() {
  return (
    <span className="flex items-center gap-2 text-lg font-semibold tracking-tight text-slate-900">
      <Logo />
      Tessera
    </span>
  );
}
