import { z } from "zod";
import { id, optionalDate, optionalText } from "@/lib/actions/form-fields";
import { STAGES } from "@/lib/campaigns/mission-stages";

export const missionUpdateSchema = z.object({
  campaignId: id,
  stage: z.enum(STAGES as [string, ...string[]], { error: "Choose a stage." }),
  publicNote: optionalText(5_000),
  privateNote: optionalText(5_000),
  publishAt: optionalDate,
});
