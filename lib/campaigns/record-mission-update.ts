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
import { type Publication, SAFETY_PAUSE, scheduleTimeline } from "./mission-timeline";

type Notes = {
  campaignId: string;
  publicNote: string;
  privateNote: string;
  /** Hold the public side back until then; empty or past means now. */
  publishAt?: Date;
};

/** A stage move: `fromStage` is the stage the coordinator saw, so a move made from a stale page is refused. */
export type MissionMoveInput = Notes & { fromStage: MissionStage; stage: MissionStage };
export type MissionNoteInput = Notes;

/** What happened, for the message after the form: when the public sees it, what a pause withdrew. */
export type RecordedUpdate = { publication: Publication; withdrawn: number };

type Locked = { stage: MissionStage };

async function lockCampaign(tx: Prisma.TransactionClient, campaignId: string): Promise<Locked> {
  // The row lock orders every update of one campaign: MissionUpdate.sequence follows it.
  const [campaign] = await tx.$queryRaw<Locked[]>`
    SELECT "stage" FROM "Campaign" WHERE "id" = ${campaignId} FOR UPDATE`;
  if (!campaign) throw new AppError("NOT_FOUND", "This campaign does not exist.");
  return campaign;
}

/** What the schedule says about `id` now that it is recorded, and how many updates it withdrew. */
async function outcome(tx: Prisma.TransactionClient, campaignId: string, id: string, stage: MissionStage) {
  const all = await tx.missionUpdate.findMany({
    where: { campaignId },
    select: { id: true, sequence: true, fromStage: true, stage: true, publicNote: true, publishAt: true },
  });
  const scheduled = scheduleTimeline(all, stage);
  const self = scheduled.find((u) => u.id === id);
  return {
    publication: self?.publication ?? { kind: "staff-only" },
    withdrawn: scheduled.filter((u) => u.publication.kind === "withdrawn" && u.publication.by === id).length,
  } satisfies RecordedUpdate;
}

function publishTime(requested: Date | undefined, now: Date): Date {
  return requested && requested > now ? requested : now;
}

/**
 * Moves a mission from the stage the coordinator saw to a legal next stage and records it. A move
 * made from a stale page, an illegal move and a scheduled safety pause are refused at the field.
 */
export async function moveMissionStage(actor: Actor, input: MissionMoveInput): Promise<RecordedUpdate> {
  const actorId = assertMayUse(actor, "campaigns");
  const now = new Date();
  if (input.stage === SAFETY_PAUSE && input.publishAt && input.publishAt > now) {
    throw new FieldError("publishAt", "INVALID_INPUT", "A safety pause is public at once: leave “Publish at” empty.");
  }
  const result = await db.$transaction(async (tx) => {
    const campaign = await lockCampaign(tx, input.campaignId);
    if (campaign.stage !== input.fromStage) {
      throw new FieldError(
        "stage",
        "CONFLICT",
        `The mission is now “${STAGE_LABELS[campaign.stage]}”: someone moved it after you opened this page. Reload to see it.`,
      );
    }
    if (!canMoveStage(campaign.stage, input.stage)) {
      throw new FieldError(
        "stage",
        "ILLEGAL_STAGE_MOVE",
        campaign.stage === input.stage
          ? `The mission is already “${STAGE_LABELS[input.stage]}”. To post news without a move, use “Post a note”.`
          : `A mission cannot move from “${STAGE_LABELS[campaign.stage]}” to “${STAGE_LABELS[input.stage]}”.`,
      );
    }
    const publishAt = publishTime(input.stage === SAFETY_PAUSE ? undefined : input.publishAt, now);
    const update = await tx.missionUpdate.create({
      data: {
        campaignId: input.campaignId,
        fromStage: campaign.stage,
        stage: input.stage,
        publicNote: input.publicNote,
        privateNote: input.privateNote,
        publishAt,
        authorId: actorId,
      },
      select: { id: true },
    });
    await tx.campaign.update({
      where: { id: input.campaignId },
      data: { stage: input.stage, version: { increment: 1 } },
    });
    const recorded = await outcome(tx, input.campaignId, update.id, input.stage);
    await writeAudit(tx, {
      actorId,
      action: "mission.update",
      entityType: "Campaign",
      entityId: input.campaignId,
      // The private note stays out of the log: the log is read more widely than the mission.
      changes: {
        stage: { before: campaign.stage, after: input.stage },
        publicNote: { after: input.publicNote },
        publishAt: { after: publishAt },
        ...(recorded.withdrawn ? { withdrawnUpdates: { after: recorded.withdrawn } } : {}),
      },
    });
    return recorded;
  });
  invalidate(CACHE_TAGS.campaigns);
  return result;
}

/** News about a mission without moving it. A note with no public text stays with the staff. */
export async function postMissionNote(actor: Actor, input: MissionNoteInput): Promise<RecordedUpdate> {
  const actorId = assertMayUse(actor, "campaigns");
  if (!input.publicNote && !input.privateNote) {
    throw new FieldError("publicNote", "INVALID_INPUT", "Write a public note, a private note or both.");
  }
  const now = new Date();
  const result = await db.$transaction(async (tx) => {
    const campaign = await lockCampaign(tx, input.campaignId);
    const publishAt = input.publicNote ? publishTime(input.publishAt, now) : now;
    const update = await tx.missionUpdate.create({
      data: {
        campaignId: input.campaignId,
        fromStage: campaign.stage,
        stage: null,
        publicNote: input.publicNote,
        privateNote: input.privateNote,
        publishAt,
        authorId: actorId,
      },
      select: { id: true },
    });
    await writeAudit(tx, {
      actorId,
      action: "mission.note",
      entityType: "Campaign",
      entityId: input.campaignId,
      changes: { publicNote: { after: input.publicNote }, publishAt: { after: publishAt } },
    });
    return outcome(tx, input.campaignId, update.id, campaign.stage);
  });
  invalidate(CACHE_TAGS.campaigns);
  return result;
}
