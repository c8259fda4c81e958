import { STATE_LABELS, type WorkItemStateId } from "@/lib/projects/schemas";
import type { PersonRef } from "@/lib/projects/view";
import { Badge } from "@/components/ui";

const STATE_TONES = { BACKLOG: "slate", TODO: "slate", IN_PROGRESS: "amber", DONE: "green", CANCELLED: "red" } as const;

export function StateBadge({ state }: { state: WorkItemStateId }) {
  return <Badge tone={STATE_TONES[state]}>{STATE_LABELS[state]}</Badge>;
}

// A user or an app's bot; null when nobody (or an account since deleted).
export function PersonName({ person, empty = "Unassigned" }: { person: PersonRef | null; empty?: string }) {
  if (!person) return <span className="text-slate-400">{empty}</span>;
  return (
    <span className="inline-flex items-center gap-1.5">
      {person.type === "bot" && <BotBadge />}
      <span>{person.name}</span>
    </span>
  );
}

// Marks an app's bot (an agent), wherever a person could appear.
export function BotBadge() {
  return (
    <span data-testid="bot-badge" title="An app's bot" className="rounded bg-brand-50 px-1 text-[10px] font-semibold uppercase tracking-wide text-brand-700 ring-1 ring-inset ring-brand-100">
      Bot
    </span>
  );
}
