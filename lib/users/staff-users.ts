import "server-only";
import { assertMayUse, type Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";

export async function listUsers(actor: Actor) {
  assertMayUse(actor, "admin");
  return db.user.findMany({
    orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    select: { id: true, email: true, name: true, role: true, disabledAt: true, createdAt: true },
  });
}

export async function listOpenInvites(actor: Actor) {
  assertMayUse(actor, "admin");
  return db.invite.findMany({
    where: { usedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, role: true, expiresAt: true },
  });
}
