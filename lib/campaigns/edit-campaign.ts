import "server-only";
import { FieldError } from "@/lib/actions/field-error";
import { CACHE_TAGS, invalidate } from "@/lib/cache";
import { writeAudit, diffFields } from "@/lib/audit/write-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CampaignStatus } from "@/lib/generated/prisma/enums";
import type { CampaignInput } from "@/lib/validations/campaign";

export const STALE_CAMPAIGN =
  "Someone else changed this campaign since you opened it. Reload to see their changes.";

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

function slugTaken(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export async function createCampaign(input: CampaignInput, actorId: string): Promise<string> {
  try {
    return await db.$transaction(async (tx) => {
      const campaign = await tx.campaign.create({ data: columns(input), select: { id: true } });
      await writeAudit(tx, {
        actorId,
        action: "campaign.create",
        entityType: "Campaign",
        entityId: campaign.id,
        changes: diffFields({}, columns(input)),
      });
      return campaign.id;
    });
  } catch (error) {
    if (slugTaken(error))
      throw new FieldError("slug", "CONFLICT", "Another campaign already uses this address.");
    throw error;
  }
}

/** Refuses the edit when the campaign changed since the form was opened (optimistic concurrency). */
export async function updateCampaign(
  input: CampaignInput & { id: string; version: number },
  actorId: string,
) {
  try {
    await db.$transaction(async (tx) => {
      const before = await tx.campaign.findUnique({
        where: { id: input.id },
        select: { ...selectColumns, status: true },
      });
      if (!before) throw new AppError("NOT_FOUND", "This campaign does not exist.");
      // Gifts are stored in the campaign's currency; switching it would make the totals meaningless.
      if (
        before.currency !== input.currency &&
        (await tx.donation.count({ where: { campaignId: input.id } })) > 0
      ) {
        throw new FieldError(
          "currency",
          "CONFLICT",
          "This campaign already has gifts: its currency cannot change.",
        );
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
    });
  } catch (error) {
    if (slugTaken(error))
      throw new FieldError("slug", "CONFLICT", "Another campaign already uses this address.");
    throw error;
  }
  invalidate(CACHE_TAGS.campaigns);
}

const selectColumns = {
  title: true,
  slug: true,
  summary: true,
  story: true,
  goalAmount: true,
  currency: true,
  deadline: true,
  peopleCount: true,
} as const;

export async function setCampaignStatus(
  id: string,
  version: number,
  status: CampaignStatus,
  actorId: string,
) {
  await db.$transaction(async (tx) => {
    const before = await tx.campaign.findUnique({
      where: { id },
      select: { status: true, publishedAt: true },
    });
    if (!before) throw new AppError("NOT_FOUND", "This campaign does not exist.");
    const publishedAt = status === "published" ? (before.publishedAt ?? new Date()) : before.publishedAt;
    const result = await tx.campaign.updateMany({
      where: { id, version },
      data: { status, publishedAt, version: { increment: 1 } },
    });
    if (result.count === 0) throw new AppError("CONFLICT", STALE_CAMPAIGN);
    await writeAudit(tx, {
      actorId,
      action: `campaign.${status === "published" ? "publish" : status === "closed" ? "close" : "unpublish"}`,
      entityType: "Campaign",
      entityId: id,
      changes: { status: { before: before.status, after: status } },
    });
  });
  invalidate(CACHE_TAGS.campaigns);
}

export async function listCampaignsForDashboard() {
  return db.campaign.findMany({
    orderBy: [{ status: "asc" }, { deadline: { sort: "asc", nulls: "last" } }, { createdAt: "desc" }],
    select: {
      id: true,
      title: true,
      slug: true,
      status: true,
      stage: true,
      goalAmount: true,
      raisedAmount: true,
      currency: true,
      deadline: true,
    },
  });
}

/** Everything the edit page shows, private details included: dashboard only. */
export async function getCampaignForEdit(id: string) {
  return db.campaign.findUnique({
    where: { id },
    select: {
      id: true,
      ...selectColumns,
      status: true,
      stage: true,
      version: true,
      raisedAmount: true,
      donorCount: true,
      updates: {
        orderBy: { createdAt: "desc" },
        select: {
          id: true,
          fromStage: true,
          stage: true,
          publicNote: true,
          privateNote: true,
          publishAt: true,
          createdAt: true,
          author: { select: { name: true } },
        },
      },
      beneficiaries: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          publicLabel: true,
          privateName: true,
          privateLocation: true,
          privateContact: true,
          privateNotes: true,
        },
      },
    },
  });
}
