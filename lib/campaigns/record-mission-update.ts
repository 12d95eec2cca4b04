import "server-only";
import { FieldError } from "@/lib/actions/field-error";
import { writeAudit } from "@/lib/audit/write-audit";
import { assertMayUse, type Actor } from "@/lib/auth/roles";
import { CACHE_TAGS, invalidate } from "@/lib/cache";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MissionStage } from "@/lib/generated/prisma/enums";
import { canMoveStage, STAGE_LABELS } from "./mission-stages";

export type MissionUpdateInput = {
  campaignId: string;
  stage: MissionStage;
  publicNote: string;
  privateNote: string;
  /** Hold the update back from the public timeline until then; default now. */
  publishAt?: Date;
};

type Recorded = { id: string; fromStage: MissionStage | null };

/**
 * Moves a mission to `stage` (or posts a note in the same stage) and records the update.
 * Illegal moves are refused here, whatever the caller's UI allowed. `onRecorded` runs in the
 * same transaction (the audit entry).
 */
async function recordMissionUpdate(
  input: MissionUpdateInput & { authorId: string | null },
  onRecorded?: (tx: Prisma.TransactionClient, update: Recorded) => Promise<void>,
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

/** A coordinator's stage move (or note), audited in the same transaction; an illegal move is shown at the stage field. */
export async function moveMissionStage(actor: Actor, input: MissionUpdateInput) {
  const actorId = assertMayUse(actor, "campaigns");
  try {
    await recordMissionUpdate({ ...input, authorId: actorId }, (tx, update) =>
      writeAudit(tx, {
        actorId,
        action: "mission.update",
        entityType: "Campaign",
        entityId: input.campaignId,
        // The private note stays out of the log: the log is read more widely than the mission.
        changes: {
          stage: { before: update.fromStage, after: input.stage },
          publicNote: { after: input.publicNote },
          publishAt: { after: input.publishAt ?? null },
        },
      }),
    );
  } catch (error) {
    if (error instanceof AppError && error.code === "ILLEGAL_STAGE_MOVE") {
      throw new FieldError("stage", error.code, error.userMessage);
    }
    throw error;
  }
  invalidate(CACHE_TAGS.campaigns);
}
