import "server-only";
import { assertMayUse, type Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";

export const AUDIT_PAGE_SIZE = 50;

/** Newest first, keyset-paged on the id (it grows with time). */
export async function listAuditEntries(actor: Actor, beforeId?: bigint) {
  assertMayUse(actor, "admin");
  const rows = await db.auditLog.findMany({
    where: beforeId ? { id: { lt: beforeId } } : undefined,
    orderBy: { id: "desc" },
    take: AUDIT_PAGE_SIZE + 1,
    select: {
      id: true,
      action: true,
      entityType: true,
      entityId: true,
      changes: true,
      createdAt: true,
      actor: { select: { name: true, email: true } },
    },
  });
  const hasMore = rows.length > AUDIT_PAGE_SIZE;
  return {
    entries: rows.slice(0, AUDIT_PAGE_SIZE),
    nextBefore: hasMore ? rows[AUDIT_PAGE_SIZE - 1]?.id : undefined,
  };
}
