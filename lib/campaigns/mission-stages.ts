// The mission life cycle. The data layer refuses any move not listed here, whatever the UI sends.
import type { MissionStage } from "@/lib/generated/prisma/enums";

export const STAGES: readonly MissionStage[] = [
  "awaiting_funds",
  "funded",
  "in_progress",
  "completed",
  "suspended",
  "failed",
];

export const STAGE_LABELS: Record<MissionStage, string> = {
  awaiting_funds: "Awaiting funds",
  funded: "Funded",
  in_progress: "In progress",
  completed: "Completed",
  suspended: "Suspended",
  failed: "Did not succeed",
};

const NEXT_STAGES: Record<MissionStage, readonly MissionStage[]> = {
  awaiting_funds: ["funded", "suspended", "failed"],
  // A large refund can take a funded mission back to waiting.
  funded: ["in_progress", "awaiting_funds", "suspended", "failed"],
  in_progress: ["completed", "suspended", "failed"],
  suspended: ["awaiting_funds", "funded", "in_progress", "failed"],
  completed: [],
  // A failed attempt can be tried again from the start.
  failed: ["awaiting_funds"],
};

/** A move changes the stage; news without a move is a note (postMissionNote), not a move. */
export function canMoveStage(from: MissionStage, to: MissionStage): boolean {
  return NEXT_STAGES[from].includes(to);
}

export function nextStages(from: MissionStage): readonly MissionStage[] {
  return NEXT_STAGES[from];
}
