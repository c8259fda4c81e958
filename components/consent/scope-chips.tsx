import { describeScope } from "@/lib/apps/scopes";

// Permissions as small labelled chips (full description on hover).
export function ScopeChips({ scopes }: { scopes: readonly string[] }) {
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label="Permissions">
      {scopes.map((id) => {
        const scope = describeScope(id);
        return (
          <li key={id} title={scope?.description} className="rounded-md bg-slate-100 px-1.5 py-0.5 text-[11px] font-medium text-slate-600">
            {scope?.label ?? id}
          </li>
        );
      })}
    </ul>
  );
}
