// An app's logo, or its initials on a tile when it has none.
export function AppLogo({ name, logoUrl, size = "h-10 w-10" }: { name: string; logoUrl: string | null; size?: string }) {
  if (logoUrl) {
    // eslint-disable-next-line @next/next/no-img-element -- external logos of any host
    return <img src={logoUrl} alt="" className={`${size} shrink-0 rounded-lg border border-slate-200 bg-white object-contain`} referrerPolicy="no-referrer" />;
  }
  const initials = name.split(/\s+/).filter(Boolean).slice(0, 2).map((word) => word[0]!.toUpperCase()).join("");
  return (
    <span aria-hidden="true" className={`${size} flex shrink-0 items-center justify-center rounded-lg bg-brand-100 text-sm font-semibold text-brand-700`}>
      {initials || "?"}
    </span>
  );
}
