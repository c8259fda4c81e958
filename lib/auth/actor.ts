import type { CurrentUser } from "./session";

// Who performs a data-layer call. Users are checked against their roles; the
// system actor is the operator's CLI on the server itself, which may manage
// any group but still passes every validation rule.
export type Actor =
  | { kind: "user"; userId: string; isPlatformAdmin: boolean }
  | { kind: "system"; label: string };

export function userActor(user: Pick<CurrentUser, "id" | "isPlatformAdmin">): Actor {
  return { kind: "user", userId: user.id, isPlatformAdmin: user.isPlatformAdmin };
}

export function systemActor(label = "cli"): Actor {
  return { kind: "system", label };
}

export function isPlatformActor(actor: Actor): boolean {
  return actor.kind === "system" || actor.isPlatformAdmin;
}

// The actor columns of an audit event.
export function auditActor(actor: Actor): { actorUserId: string | null; actorLabel: string } {
  return actor.kind === "user" ? { actorUserId: actor.userId, actorLabel: "" } : { actorUserId: null, actorLabel: actor.label };
}
