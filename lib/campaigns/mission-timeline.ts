// What the public may know about a mission at a time t: the one place that decides it. Public
// reads, the dashboard's "the public sees" line and the "scheduled for …" labels all come from
// here. Pure, so the rule is property-tested apart from the database and the cache
// (mission-timeline.test.ts checks it against an independently written simulation).
//
// The rule, in record order (the order coordinators acted in):
// 1. An update becomes public at its publishAt, but never before the update recorded before it:
//    the public always sees a prefix of what was recorded, so a note written after a scheduled
//    move cannot reveal it early, and the timeline reads in the order things happened.
// 2. A safety pause (a move to "suspended") is public at once, and withdraws every update
//    recorded before it that is not public yet: nothing scheduled before a pause comes out after it.
// 3. A note without public text is for staff only and plays no part.
// The public stage is the stage of the last public move (or the stage before the first move).
import type { MissionStage } from "@/lib/generated/prisma/enums";

export const SAFETY_PAUSE: MissionStage = "suspended";

/** A stored mission update as the rule needs it. */
export type MissionRecord = {
  id: string;
  /** Record order (MissionUpdate.sequence). */
  sequence: bigint | string;
  /** The real stage when it was recorded. */
  fromStage: MissionStage | null;
  /** The stage moved to; null for a note. */
  stage: MissionStage | null;
  publicNote: string;
  /** ISO string or Date (cached values round-trip through JSON as strings). */
  publishAt: string | Date;
};

export type Publication =
  /** Public from `at` on (may be in the future: then it is scheduled). */
  | { kind: "public"; at: Date; /** Later than its own publishAt: it waits for an earlier update. */ held: boolean }
  /** Withdrawn by the safety pause with this id before it was published. */
  | { kind: "withdrawn"; by: string }
  /** A note with no public text. */
  | { kind: "staff-only" };

export type Scheduled<T extends MissionRecord> = T & {
  publication: Publication;
  /** The public stage once this update is public (for a note: the stage it is posted under). */
  publicStage: MissionStage;
};

const time = (value: string | Date) => (value instanceof Date ? value.getTime() : Date.parse(value));
const byRecordOrder = (a: MissionRecord, b: MissionRecord) => {
  const x = BigInt(a.sequence);
  const y = BigInt(b.sequence);
  return x < y ? -1 : x > y ? 1 : 0;
};

/** The stage before any move: the first move's starting point, else the campaign's own stage. */
export function initialStage(records: readonly MissionRecord[], current: MissionStage): MissionStage {
  const first = [...records].sort(byRecordOrder).find((r) => r.stage !== null);
  return first?.fromStage ?? (first ? "awaiting_funds" : current);
}

/**
 * Every update with when (and whether) it becomes public, in record order. `current` is the
 * campaign's real stage, used only when no move was ever recorded.
 */
export function scheduleTimeline<T extends MissionRecord>(records: readonly T[], current: MissionStage): Scheduled<T>[] {
  const ordered = [...records].sort(byRecordOrder);
  const start = initialStage(ordered, current);
  const at = new Map<string, number>();
  const withdrawnBy = new Map<string, string>();
  let floor = -Infinity;
  for (const r of ordered) {
    if (r.stage === null && r.publicNote === "") continue;
    const own = time(r.publishAt);
    if (r.stage === SAFETY_PAUSE) {
      for (const [id, when] of at) {
        if (when > own) {
          at.delete(id);
          withdrawnBy.set(id, r.id);
        }
      }
      at.set(r.id, own);
      floor = own;
    } else {
      floor = Math.max(own, floor);
      at.set(r.id, floor);
    }
  }
  let stage = start;
  return ordered.map((r) => {
    const when = at.get(r.id);
    const by = withdrawnBy.get(r.id);
    if (when !== undefined && r.stage !== null) stage = r.stage;
    const publication: Publication =
      when !== undefined
        ? { kind: "public", at: new Date(when), held: when > time(r.publishAt) }
        : by !== undefined
          ? { kind: "withdrawn", by }
          : { kind: "staff-only" };
    return { ...r, publication, publicStage: when !== undefined ? stage : (r.stage ?? stage) };
  });
}

export type PublicTimelineEntry = { id: string; stage: MissionStage; moved: boolean; publicNote: string; publishAt: string };

/** The public stage and timeline (newest first) at `now`. Nothing else about the updates leaves. */
export function publicTimeline(
  records: readonly MissionRecord[],
  current: MissionStage,
  now: Date,
): { stage: MissionStage; timeline: PublicTimelineEntry[] } {
  const cutoff = now.getTime();
  const visible = scheduleTimeline(records, current).filter(
    (r): r is Scheduled<MissionRecord> & { publication: { kind: "public"; at: Date } } =>
      r.publication.kind === "public" && r.publication.at.getTime() <= cutoff,
  );
  const timeline = visible.reverse().map((r) => ({
    id: r.id,
    stage: r.publicStage,
    moved: r.stage !== null,
    publicNote: r.publicNote,
    publishAt: r.publication.at.toISOString(),
  }));
  return { stage: timeline[0]?.stage ?? initialStage(records, current), timeline };
}

/** The public stage at `now` (the campaign cards and the stage filter). */
export function publicStage(records: readonly MissionRecord[], current: MissionStage, now: Date): MissionStage {
  return publicTimeline(records, current, now).stage;
}
