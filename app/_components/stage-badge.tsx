import type { MissionStage } from "@/lib/generated/prisma/enums";
import { STAGE_LABELS } from "@/lib/campaigns/mission-stages";

/** The PUBLIC mission stage (from publicStage()), never Campaign.stage. */
export function StageBadge({ stage }: { stage: MissionStage }) {
  return (
    <span className="inline-block rounded-full border border-accent px-2.5 py-0.5 text-xs font-medium text-accent-strong">
      <span className="sr-only">Mission stage: </span>
      {STAGE_LABELS[stage]}
    </span>
  );
}
