// A note and a stage move are different acts, with different forms and schemas.
import { z } from "zod";
import { id, optionalSiteDateTime, optionalText } from "@/lib/actions/form-fields";
import { STAGES } from "@/lib/campaigns/mission-stages";

const stage = (message: string) => z.enum(STAGES as [MissionStageName, ...MissionStageName[]], { error: message });
type MissionStageName = (typeof STAGES)[number];

const notes = {
  campaignId: id,
  publicNote: optionalText(5_000),
  privateNote: optionalText(5_000),
  publishAt: optionalSiteDateTime,
};

export const missionMoveSchema = z.object({
  ...notes,
  /** The stage the page showed: a move from a stale page is refused. */
  fromStage: stage("Reload the page: the current stage is missing."),
  stage: stage("Choose the stage to move to."),
});

export const missionNoteSchema = z.object(notes);
