"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";

export type SwitcherGroup = { slug: string; name: string; organization: string; role: string };

export function GroupSwitcher({ groups, current }: { groups: SwitcherGroup[]; current?: SwitcherGroup }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  const organizations = [...new Set(groups.map((group) => group.organization))];
  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label="Switch group"
        onClick={() => setOpen(!open)}
        className="flex items-center gap-2 rounded-lg border border-slate-200 bg-white px-3 py-1.5 text-sm shadow-sm hover:bg-slate-50"
      >
        {current ? (
          <span className="flex flex-col items-start leading-tight">
            <span className="text-[11px] text-slate-500">{current.organization}</span>
            <span className="font-medium text-slate-900">{current.name}</span>
          </span>
        ) : (
          <span className="font-medium text-slate-700">Choose a group</span>
        )}
        <svg viewBox="0 0 20 20" className="h-4 w-4 text-slate-400" aria-hidden="true">
          <path fill="currentColor" d="M5.5 7.5 10 12l4.5-4.5z" />
        </svg>
      </button>
      {open && (
        <div role="menu" className="absolute left-0 z-20 mt-2 w-64 rounded-xl border border-slate-200 bg-white p-1 shadow-lg">
          {organizations.map((organization) => (
            <div key={organization} className="py-1">
              <p className="px-3 py-1 text-xs font-semibold uppercase tracking-wide text-slate-400">{organization}</p>
              {groups
                .filter((group) => group.organization === organization)
                .map((group) => (
                  <Link
                    key={group.slug}
                    role="menuitem"
                    href={`/g/${group.slug}`}
                    onClick={() => setOpen(false)}
                    className={`flex items-center justify-between rounded-lg px-3 py-2 text-sm hover:bg-slate-50 ${group.slug === current?.slug ? "bg-brand-50 text-brand-700" : "text-slate-700"}`}
                  >
                    <span>{group.name}</span>
                    <span className="text-xs text-slate-400">{group.role}</span>
                  </Link>
                ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
