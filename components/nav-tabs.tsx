"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type NavItem = { href: string; label: string; exact?: boolean };

// Horizontal tabs or a vertical list; the item for the current path is marked.
export function NavTabs({ items, vertical = false, label }: { items: NavItem[]; vertical?: boolean; label: string }) {
  const pathname = usePathname();
  const isActive = (item: NavItem) => (item.exact ? pathname === item.href : pathname === item.href || pathname.startsWith(item.href + "/"));
  const base = vertical
    ? "block rounded-lg px-3 py-2 text-sm font-medium"
    : "border-b-2 px-1 pb-3 text-sm font-medium";
  const active = vertical ? "bg-brand-50 text-brand-700" : "border-brand-600 text-brand-700";
  const idle = vertical ? "text-slate-600 hover:bg-slate-100 hover:text-slate-900" : "border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-800";
  return (
    <nav aria-label={label} className={vertical ? "space-y-1" : "flex gap-6"}>
      {items.map((item) => (
        <Link key={item.href} href={item.href} aria-current={isActive(item) ? "page" : undefined} className={`${base} ${isActive(item) ? active : idle}`}>
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
