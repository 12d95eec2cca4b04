// Which roles may use which part of the dashboard: one table for pages, nav, actions and the data
// layer. Staff reads and writes call assertMayUse() themselves, so a page that forgets its
// requireRole() still cannot show what its user's role may not see.
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

export const ROLES = {
  /** Any signed-in staff member, whatever the role. */
  staff: ["admin", "coordinator", "editor"],
  campaigns: ["admin", "coordinator"],
  /** The people a mission protects: their private names, locations and contacts. */
  beneficiaries: ["admin", "coordinator"],
  donations: ["admin", "coordinator"],
  articles: ["admin", "coordinator", "editor"],
  admin: ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Area = keyof typeof ROLES;

/** Who acts: the signed-in user (a SessionUser), as the data layer needs it. */
export type Actor = { id: string; role: Role };

export function mayUse(role: Role, area: Area): boolean {
  return (ROLES[area] as readonly Role[]).includes(role);
}

export const FORBIDDEN_MESSAGE = "Your role does not allow this.";

/** Refuses an actor whose role may not use `area`; returns the actor's id for audit entries. */
export function assertMayUse(actor: Actor, area: Area): string {
  if (!mayUse(actor.role, area)) throw new AppError("FORBIDDEN", FORBIDDEN_MESSAGE);
  return actor.id;
}
