// What the public may know about a mission right now. An update held back until `publishAt`
// must leave no trace before then: not its note, and not the stage it moved the mission to.
// Pure, so the rule is unit-tested apart from the database and the cache.
import type { MissionStage } from "@/lib/generated/prisma/enums";

export type TimelineEntry = {
  id: string;
  stage: MissionStage;
  /** ISO string: cached values round-trip through JSON. */
  publishAt: string;
};

/** Updates visible at `now`, newest first. */
export function visibleTimeline<T extends TimelineEntry>(updates: readonly T[], now: Date): T[] {
  const cutoff = now.getTime();
  return updates
    .filter((u) => Date.parse(u.publishAt) <= cutoff)
    .sort((a, b) => Date.parse(b.publishAt) - Date.parse(a.publishAt) || b.id.localeCompare(a.id));
}

/** The stage of the latest visible update; "awaiting_funds" while none is visible. */
export function publicStage(updates: readonly TimelineEntry[], now: Date): MissionStage {
  return visibleTimeline(updates, now)[0]?.stage ?? "awaiting_funds";
}
