import "server-only";
import { FieldError } from "@/lib/actions/field-error";
import { writeAudit, diffFields } from "@/lib/audit/write-audit";
import { assertMayUse, type Actor } from "@/lib/auth/roles";
import { CACHE_TAGS, invalidate } from "@/lib/cache";
import { db } from "@/lib/db";
import { refuseClash } from "@/lib/db/unique-clash";
import { AppError } from "@/lib/errors";
import type { CampaignStatus } from "@/lib/generated/prisma/enums";
import type { CampaignInput } from "@/lib/validations/campaign";

export const STALE_CAMPAIGN =
  "Someone else changed this campaign since you opened it. Reload to see their changes.";

const slugClash = () => new FieldError("slug", "CONFLICT", "Another campaign already uses this address.");

function columns(input: CampaignInput) {
  return {
    title: input.title,
    slug: input.slug,
    summary: input.summary,
    story: input.story,
    goalAmount: input.goalAmount,
    currency: input.currency,
    deadline: input.deadline ?? null,
    peopleCount: input.peopleCount,
  };
}

const editableColumns = {
  title: true,
  slug: true,
  summary: true,
  story: true,
  goalAmount: true,
  currency: true,
  deadline: true,
  peopleCount: true,
} as const;

export async function createCampaign(actor: Actor, input: CampaignInput): Promise<string> {
  const actorId = assertMayUse(actor, "campaigns");
  return refuseClash(
    () =>
      db.$transaction(async (tx) => {
        const campaign = await tx.campaign.create({ data: columns(input), select: { id: true } });
        await writeAudit(tx, {
          actorId,
          action: "campaign.create",
          entityType: "Campaign",
          entityId: campaign.id,
          changes: diffFields({}, columns(input)),
        });
        return campaign.id;
      }),
    slugClash,
  );
}

/** Refuses the edit when the campaign changed since the form was opened (optimistic concurrency). */
export async function updateCampaign(actor: Actor, input: CampaignInput & { id: string; version: number }) {
  const actorId = assertMayUse(actor, "campaigns");
  await refuseClash(
    () =>
      db.$transaction(async (tx) => {
        const before = await tx.campaign.findUnique({ where: { id: input.id }, select: editableColumns });
        if (!before) throw new AppError("NOT_FOUND", "This campaign does not exist.");
        // Gifts are stored in the campaign's currency; switching it would make the totals meaningless.
        if (
          before.currency !== input.currency &&
          (await tx.donation.count({ where: { campaignId: input.id } })) > 0
        ) {
          throw new FieldError("currency", "CONFLICT", "This campaign already has gifts: its currency cannot change.");
        }
        const result = await tx.campaign.updateMany({
          where: { id: input.id, version: input.version },
          data: { ...columns(input), version: { increment: 1 } },
        });
        if (result.count === 0) throw new AppError("CONFLICT", STALE_CAMPAIGN);
        await writeAudit(tx, {
          actorId,
          action: "campaign.update",
          entityType: "Campaign",
          entityId: input.id,
          changes: diffFields(before, columns(input)),
        });
      }),
    slugClash,
  );
  invalidate(CACHE_TAGS.campaigns);
}

const STATUS_ACTIONS: Record<CampaignStatus, string> = {
  draft: "campaign.unpublish",
  published: "campaign.publish",
  closed: "campaign.close",
};

export async function setCampaignStatus(
  actor: Actor,
  input: { id: string; version: number; status: CampaignStatus },
) {
  const actorId = assertMayUse(actor, "campaigns");
  const { id, version, status } = input;
  await db.$transaction(async (tx) => {
    const before = await tx.campaign.findUnique({ where: { id }, select: { status: true, publishedAt: true } });
    if (!before) throw new AppError("NOT_FOUND", "This campaign does not exist.");
    const publishedAt = status === "published" ? (before.publishedAt ?? new Date()) : before.publishedAt;
    const result = await tx.campaign.updateMany({
      where: { id, version },
      data: { status, publishedAt, version: { increment: 1 } },
    });
    if (result.count === 0) throw new AppError("CONFLICT", STALE_CAMPAIGN);
    await writeAudit(tx, {
      actorId,
      action: STATUS_ACTIONS[status],
      entityType: "Campaign",
      entityId: id,
      changes: { status: { before: before.status, after: status } },
    });
  });
  invalidate(CACHE_TAGS.campaigns);
}
