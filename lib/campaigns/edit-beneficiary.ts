import "server-only";
import { CACHE_TAGS, invalidate } from "@/lib/cache";
import { type AuditChange, writeAudit } from "@/lib/audit/write-audit";
import { assertMayUse, type Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

type Fields = {
  publicLabel: string;
  privateName: string;
  privateLocation: string;
  privateContact: string;
  privateNotes: string;
};

export const STALE_BENEFICIARY =
  "Someone else changed this person's details since you opened them. Reload to see their changes.";

const PRIVATE_FIELDS = ["privateName", "privateLocation", "privateContact", "privateNotes"] as const;

/**
 * Which fields changed, for the audit log: the public label with its values, private fields by
 * name only ({ changed: true }). The log is read more widely than the mission: a private value
 * never goes in, not even the old one.
 */
function beneficiaryChanges(before: Fields | null, after: Fields): Record<string, AuditChange> {
  const changes: Record<string, AuditChange> = {};
  if (before?.publicLabel !== after.publicLabel) {
    changes.publicLabel = { before: before?.publicLabel ?? null, after: after.publicLabel };
  }
  for (const key of PRIVATE_FIELDS) {
    // A new person: only the private fields that hold something.
    if (before ? before[key] !== after[key] : after[key] !== "") changes[key] = { changed: true };
  }
  return changes;
}

export async function createBeneficiary(actor: Actor, campaignId: string, fields: Fields) {
  const actorId = assertMayUse(actor, "beneficiaries");
  await db.$transaction(async (tx) => {
    const campaign = await tx.campaign.findUnique({ where: { id: campaignId }, select: { id: true } });
    if (!campaign) throw new AppError("NOT_FOUND", "This campaign does not exist.");
    const created = await tx.beneficiary.create({ data: { campaignId, ...fields }, select: { id: true } });
    await writeAudit(tx, {
      actorId,
      action: "beneficiary.create",
      entityType: "Beneficiary",
      entityId: created.id,
      changes: beneficiaryChanges(null, fields),
    });
  });
  // The public label shows on the campaign page.
  invalidate(CACHE_TAGS.campaigns);
}

/** Refuses the edit when the person changed since the form was opened (optimistic concurrency). */
export async function updateBeneficiary(actor: Actor, input: Fields & { id: string; version: number }) {
  const actorId = assertMayUse(actor, "beneficiaries");
  const { id, version, ...fields } = input;
  await db.$transaction(async (tx) => {
    const before = await tx.beneficiary.findUnique({
      where: { id },
      select: {
        publicLabel: true,
        privateName: true,
        privateLocation: true,
        privateContact: true,
        privateNotes: true,
      },
    });
    if (!before) throw new AppError("NOT_FOUND", "This person is no longer listed.");
    const result = await tx.beneficiary.updateMany({
      where: { id, version },
      data: { ...fields, version: { increment: 1 } },
    });
    if (result.count === 0) throw new AppError("CONFLICT", STALE_BENEFICIARY);
    await writeAudit(tx, {
      actorId,
      action: "beneficiary.update",
      entityType: "Beneficiary",
      entityId: id,
      changes: beneficiaryChanges(before, fields),
    });
  });
  invalidate(CACHE_TAGS.campaigns);
}

export async function deleteBeneficiary(actor: Actor, id: string) {
  const actorId = assertMayUse(actor, "beneficiaries");
  await db.$transaction(async (tx) => {
    const before = await tx.beneficiary.findUnique({ where: { id }, select: { publicLabel: true } });
    if (!before) throw new AppError("NOT_FOUND", "This person is no longer listed.");
    await tx.beneficiary.delete({ where: { id } });
    await writeAudit(tx, {
      actorId,
      action: "beneficiary.delete",
      entityType: "Beneficiary",
      entityId: id,
      changes: { publicLabel: { before: before.publicLabel, after: null } },
    });
  });
  invalidate(CACHE_TAGS.campaigns);
}
