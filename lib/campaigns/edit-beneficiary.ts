import "server-only";
import { CACHE_TAGS, invalidate } from "@/lib/cache";
import { writeAudit } from "@/lib/audit/write-audit";
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

// Audit entries name which private fields changed but never hold their values.
function changedFieldNames(
  before: Fields | null,
  after: Fields,
): Record<string, { before?: unknown; after?: unknown }> {
  const changes: Record<string, { before?: unknown; after?: unknown }> = {};
  if (before?.publicLabel !== after.publicLabel)
    changes.publicLabel = { before: before?.publicLabel ?? null, after: after.publicLabel };
  for (const key of ["privateName", "privateLocation", "privateContact", "privateNotes"] as const) {
    if (before?.[key] !== after[key]) changes[key] = { after: "(changed, not logged)" };
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
      changes: changedFieldNames(null, fields),
    });
  });
  // The public label shows on the campaign page.
  invalidate(CACHE_TAGS.campaigns);
}

export async function updateBeneficiary(actor: Actor, id: string, fields: Fields) {
  const actorId = assertMayUse(actor, "beneficiaries");
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
    await tx.beneficiary.update({ where: { id }, data: fields });
    await writeAudit(tx, {
      actorId,
      action: "beneficiary.update",
      entityType: "Beneficiary",
      entityId: id,
      changes: changedFieldNames(before, fields),
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
