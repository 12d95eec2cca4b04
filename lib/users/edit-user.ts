import "server-only";
import { writeAudit } from "@/lib/audit/write-audit";
import { assertMayUse, type Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

// An organisation must never lock itself out: the last enabled admin keeps the role.
async function assertAnotherAdmin(tx: Parameters<Parameters<typeof db.$transaction>[0]>[0], userId: string) {
  const others = await tx.user.count({ where: { role: "admin", disabledAt: null, id: { not: userId } } });
  if (others === 0) throw new AppError("CONFLICT", "There must be at least one other active admin first.");
}

/**
 * A role change also ends the user's sessions, so new rights apply from a fresh sign-in.
 * Returns who it was and whether anything changed, for the admin's confirmation.
 */
export async function setUserRole(actor: Actor, userId: string, role: Role): Promise<{ name: string; email: string; changed: boolean }> {
  const actorId = assertMayUse(actor, "admin");
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { role: true, name: true, email: true } });
    if (!before) throw new AppError("NOT_FOUND", "This user does not exist.");
    const who = { name: before.name, email: before.email };
    if (before.role === role) return { ...who, changed: false };
    if (before.role === "admin") await assertAnotherAdmin(tx, userId);
    await tx.user.update({ where: { id: userId }, data: { role, sessionVersion: { increment: 1 } } });
    await writeAudit(tx, {
      actorId,
      action: "user.role",
      entityType: "User",
      entityId: userId,
      changes: { role: { before: before.role, after: role } },
    });
    return { ...who, changed: true };
  });
}

/** Disabling ends every session at the next request (the session check reads disabledAt and sessionVersion). */
export async function setUserDisabled(actor: Actor, userId: string, disabled: boolean) {
  const actorId = assertMayUse(actor, "admin");
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({
      where: { id: userId },
      select: { disabledAt: true, role: true },
    });
    if (!before) throw new AppError("NOT_FOUND", "This user does not exist.");
    if (disabled && before.role === "admin") await assertAnotherAdmin(tx, userId);
    const disabledAt = disabled ? (before.disabledAt ?? new Date()) : null;
    await tx.user.update({
      where: { id: userId },
      data: { disabledAt, ...(disabled ? { sessionVersion: { increment: 1 } } : {}) },
    });
    await writeAudit(tx, {
      actorId,
      action: disabled ? "user.disable" : "user.enable",
      entityType: "User",
      entityId: userId,
      changes: { disabledAt: { before: before.disabledAt, after: disabledAt } },
    });
  });
}

/** Ends every session of the acting user, this one included. */
export async function signOutEverywhere(actor: Actor) {
  const userId = assertMayUse(actor, "staff");
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    await writeAudit(tx, {
      actorId: userId,
      action: "user.sign_out_everywhere",
      entityType: "User",
      entityId: userId,
      changes: {},
    });
  });
}
