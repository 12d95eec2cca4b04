import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A field's before and after, or only that it changed (private values are never logged). */
export type AuditChange = { before?: unknown; after?: unknown; changed?: true };

export type AuditEntry = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  /** Field → before/after. Never pass private beneficiary details or passwords here. */
  changes?: Record<string, AuditChange>;
};

/** JSON with bigint amounts as decimal strings (JSON numbers would round them past 2^53). */
function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}

/** Appends one audit entry inside the caller's transaction, so the change and its record commit together. */
export async function writeAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      changes: JSON.parse(toJson(entry.changes ?? {})) as Prisma.InputJsonValue,
    },
  });
}

/** The fields that differ between two snapshots, as before/after pairs. */
export function diffFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Record<string, AuditChange> {
  const changes: Record<string, AuditChange> = {};
  for (const key of Object.keys(after)) {
    const a = before[key];
    const b = after[key];
    const same =
      a instanceof Date && b instanceof Date
        ? a.getTime() === b.getTime()
        : toJson(a) === toJson(b);
    if (!same) changes[key] = { before: a ?? null, after: b ?? null };
  }
  return changes;
}
