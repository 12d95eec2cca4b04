import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { MissionStage } from "@/lib/generated/prisma/enums";
import { canMoveStage, STAGE_LABELS } from "@/lib/campaigns/mission-stages";

export type MissionUpdateInput = {
  campaignId: string;
  stage: MissionStage;
  publicNote: string;
  privateNote: string;
  /** Hold the update back from the public timeline until then; default now. */
  publishAt?: Date;
  authorId: string | null;
};

/**
 * Moves a mission to `stage` (or posts a note in the same stage) and records the update.
 * Illegal moves are refused here, whatever the caller's UI allowed.
 */
export async function recordMissionUpdate(
  input: MissionUpdateInput,
  /** Runs inside the same transaction after the move, e.g. to write the audit entry. */
  onRecorded?: (tx: Prisma.TransactionClient, update: { id: string; fromStage: MissionStage | null }) => Promise<void>,
) {
  return db.$transaction(async (tx) => {
    const [campaign] = await tx.$queryRaw<{ stage: MissionStage }[]>`
      SELECT "stage" FROM "Campaign" WHERE "id" = ${input.campaignId} FOR UPDATE`;
    if (!campaign) throw new AppError("NOT_FOUND", "This campaign does not exist.");
    if (!canMoveStage(campaign.stage, input.stage)) {
      throw new AppError(
        "ILLEGAL_STAGE_MOVE",
        `A mission cannot move from “${STAGE_LABELS[campaign.stage]}” to “${STAGE_LABELS[input.stage]}”.`,
      );
    }
    const update = await tx.missionUpdate.create({
      data: {
        campaignId: input.campaignId,
        fromStage: campaign.stage,
        stage: input.stage,
        publicNote: input.publicNote,
        privateNote: input.privateNote,
        publishAt: input.publishAt ?? new Date(),
        authorId: input.authorId,
      },
      select: { id: true, stage: true, fromStage: true, publishAt: true },
    });
    await tx.campaign.update({
      where: { id: input.campaignId },
      data: { stage: input.stage, version: { increment: 1 } },
    });
    await onRecorded?.(tx, update);
    return update;
  });
}
