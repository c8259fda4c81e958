"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { Role } from "@/lib/db";
import { changeMemberRoleAction } from "@/lib/groups/actions";

export type RoleOption = { value: Role; label: string; description: string };

type Props = { groupSlug: string; member: { userId: string; name: string; role: Role }; roles: RoleOption[]; disabledReason?: string };

// A member's role, changed as soon as another is picked (the server refuses
// to demote the group's last admin; the error shows under the select).
export function RoleSelect({ groupSlug, member, roles, disabledReason }: Props) {
  const router = useRouter();
  const [role, setRole] = useState<Role>(member.role);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const change = (next: Role) => {
    const previous = role;
    setRole(next);
    setError(undefined);
    startTransition(async () => {
      const result = await changeMemberRoleAction(groupSlug, member.userId, { role: next });
      if (!result.ok) {
        setRole(previous);
        return setError(result.error);
      }
      router.refresh();
    });
  };

  return (
    <div>
      <select
        aria-label={`Role of ${member.name}`}
        value={role}
        disabled={pending || !!disabledReason}
        title={disabledReason}
        onChange={(event) => change(event.target.value as Role)}
        className="rounded-lg border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm outline-none focus:ring-2 focus:ring-brand-500 disabled:bg-slate-50 disabled:text-slate-500"
      >
        {roles.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
      </select>
      {error && <p role="alert" className="mt-1 max-w-xs text-xs text-rose-700">{error}</p>}
    </div>
  );
}
