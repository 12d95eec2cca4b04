// Which roles may use which part of the dashboard: one table for pages, nav and actions.
import type { Role } from "@/lib/generated/prisma/enums";

export const ROLES = {
  anyone: ["admin", "coordinator", "editor"],
  campaigns: ["admin", "coordinator"],
  donations: ["admin", "coordinator"],
  articles: ["admin", "coordinator", "editor"],
  admin: ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export function mayUse(role: Role, area: keyof typeof ROLES): boolean {
  return (ROLES[area] as readonly Role[]).includes(role);
}
