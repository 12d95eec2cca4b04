import "server-only";
import { FieldError } from "@/lib/actions/field-error";
import { CACHE_TAGS, invalidate } from "@/lib/cache";
import { writeAudit } from "@/lib/audit/write-audit";
import { recordMissionUpdate, type MissionUpdateInput } from "@/lib/campaigns/record-mission-update";
import { AppError } from "@/lib/errors";

/** A stage move (or note) with its audit entry in the same transaction; illegal moves are shown at the stage field. */
export async function moveMissionStage(input: MissionUpdateInput & { authorId: string }) {
  try {
    await recordMissionUpdate(input, (tx, update) =>
      writeAudit(tx, {
        actorId: input.authorId,
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
