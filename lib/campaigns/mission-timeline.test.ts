import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MissionStage } from "@/lib/generated/prisma/enums";
import { nextStages } from "./mission-stages";
import { type MissionRecord, publicTimeline, scheduleTimeline } from "./mission-timeline";

const MIN = 60_000;
const T0 = Date.parse("2026-11-27T03:00:00Z");

type Rec = MissionRecord & { recordedAt: number };

let seq = 0n;
function rec(
  fromStage: MissionStage,
  stage: MissionStage | null,
  minutes: { at: number; publish?: number },
  publicNote = stage ? "" : "news",
): Rec {
  seq += 1n;
  const recordedAt = T0 + minutes.at * MIN;
  return {
    id: `u${seq}`,
    sequence: seq,
    fromStage,
    stage,
    publicNote,
    recordedAt,
    publishAt: new Date(T0 + (minutes.publish ?? minutes.at) * MIN).toISOString(),
  };
}
const at = (minutes: number) => new Date(T0 + minutes * MIN);

describe("the public mission timeline (examples)", () => {
  it("keeps a scheduled move hidden, however many notes follow it (issue 12, bug 1)", () => {
    const records = [
      rec("awaiting_funds", "funded", { at: 0 }),
      rec("funded", "in_progress", { at: 1, publish: 24 * 60 }),
      rec("in_progress", null, { at: 2 }, "A note posted now"),
    ];
    expect(publicTimeline(records, "in_progress", at(3)).stage).toBe("funded");
    expect(publicTimeline(records, "in_progress", at(3)).timeline.map((e) => e.id)).toEqual([records[0]!.id]);
    // The note waits for the move recorded before it, then both appear in the order they were written.
    const tomorrow = publicTimeline(records, "in_progress", at(24 * 60));
    expect(tomorrow.stage).toBe("in_progress");
    expect(tomorrow.timeline.map((e) => [e.stage, e.moved])).toEqual([
      ["in_progress", false],
      ["in_progress", true],
      ["funded", true],
    ]);
  });

  it("lets a safety pause win at once over a move scheduled before it (issue 12, bug 2)", () => {
    const records = [
      rec("awaiting_funds", "funded", { at: 0, publish: 3 }),
      rec("funded", "suspended", { at: 1 }, "Paused for safety"),
    ];
    for (const minute of [1, 2, 3, 4, 60 * 24 * 365]) {
      const view = publicTimeline(records, "suspended", at(minute));
      expect(view.stage, `at +${minute} min`).toBe("suspended");
      expect(view.timeline.map((e) => e.publicNote)).toEqual(["Paused for safety"]);
    }
    const [funded] = scheduleTimeline(records, "suspended");
    expect(funded!.publication).toEqual({ kind: "withdrawn", by: records[1]!.id });
  });

  it("shows the stage before the first move until a move is public, and ignores staff-only notes", () => {
    const records = [rec("funded", null, { at: 0, publish: 10 }, ""), rec("funded", "in_progress", { at: 1, publish: 5 })];
    expect(publicTimeline(records, "in_progress", at(2))).toEqual({ stage: "funded", timeline: [] });
    expect(publicTimeline(records, "in_progress", at(5)).stage).toBe("in_progress");
    expect(publicTimeline([], "completed", at(0))).toEqual({ stage: "completed", timeline: [] });
  });
});

// ─── Property: the rule equals an independent simulation, at every moment ─────────────────

type Action =
  | { kind: "move"; pick: number; delay: number; note: boolean }
  | { kind: "note"; delay: number; withPublicText: boolean }
  | { kind: "pause" };

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant("move" as const), pick: fc.nat(10), delay: fc.oneof(fc.constant(0), fc.nat(300)), note: fc.boolean() }),
  fc.record({ kind: fc.constant("note" as const), delay: fc.oneof(fc.constant(0), fc.nat(300)), withPublicText: fc.boolean() }),
  fc.record({ kind: fc.constant("pause" as const) }),
);

const historyArb = fc.record({
  start: fc.constantFrom<MissionStage>("awaiting_funds", "funded", "in_progress"),
  steps: fc.array(fc.tuple(fc.nat(120), actionArb), { maxLength: 14 }),
});

/** Turns generated actions into stored records the way the data layer would (legal moves only). */
function record(start: MissionStage, steps: [number, Action][]): Rec[] {
  let real = start;
  let clock = 0;
  const out: Rec[] = [];
  for (const [gap, action] of steps) {
    clock += gap;
    if (action.kind === "note") {
      out.push(rec(real, null, { at: clock, publish: clock + action.delay }, action.withPublicText ? `note at ${clock}` : ""));
    } else {
      const options = action.kind === "pause" ? nextStages(real).filter((s) => s === "suspended") : nextStages(real);
      const to = options[action.kind === "pause" ? 0 : action.pick % Math.max(1, options.length)];
      if (!to) continue;
      const delay = to === "suspended" || action.kind === "pause" ? 0 : action.delay;
      out.push(rec(real, to, { at: clock, publish: clock + delay }, action.kind === "move" && action.note ? `moved at ${clock}` : ""));
      real = to;
    }
  }
  return out;
}

type ModelEntry = { id: string; stage: MissionStage; moved: boolean; publicNote: string; publishAt: string };

/**
 * The same promise told as a story over time: updates wait in a queue and leave it in order, each
 * once its time has come; a pause empties the queue and is published on the spot. Only what was
 * recorded by `t` exists at `t`.
 */
function simulate(start: MissionStage, records: Rec[], t: number): { stage: MissionStage; timeline: ModelEntry[] } {
  const published: { r: Rec; at: number }[] = [];
  let queue: Rec[] = [];
  const lastAt = () => published.at(-1)?.at ?? -Infinity;
  const publishDue = (until: number) => {
    while (queue.length) {
      const due = Math.max(Date.parse(String(queue[0]!.publishAt)), lastAt());
      if (due > until) return;
      published.push({ r: queue.shift()!, at: due });
    }
  };
  for (const r of records) {
    if (r.recordedAt > t) break;
    publishDue(r.recordedAt);
    if (r.stage === null && r.publicNote === "") continue;
    if (r.stage === "suspended") {
      queue = [];
      published.push({ r, at: r.recordedAt });
    } else {
      queue.push(r);
    }
  }
  publishDue(t);
  let stage = start;
  const entries = published.map(({ r, at: when }) => {
    if (r.stage) stage = r.stage;
    return { id: r.id, stage, moved: r.stage !== null, publicNote: r.publicNote, publishAt: new Date(when).toISOString() };
  });
  return { stage, timeline: entries.reverse() };
}

describe("the public mission timeline (properties)", () => {
  it("equals the queue simulation at every moment, for any history of moves, notes, schedules and pauses", () => {
    fc.assert(
      fc.property(historyArb, fc.array(fc.integer({ min: -10, max: 2_400 }), { maxLength: 6 }), ({ start, steps }, extra) => {
        const records = record(start, steps);
        const real = records.at(-1)?.stage ?? start;
        const moments = new Set<number>(extra.map((m) => T0 + m * MIN));
        for (const r of records) {
          for (const ms of [r.recordedAt, Date.parse(String(r.publishAt))]) {
            moments.add(ms - 1);
            moments.add(ms);
            moments.add(ms + 1);
          }
        }
        for (const t of moments) {
          expect(publicTimeline(records, real, new Date(t))).toEqual(simulate(start, records, t));
        }
      }),
      { numRuns: 1_500 },
    );
  });

  it("never shows an update before its publish time, and shows nothing recorded before a pause and unpublished at it", () => {
    fc.assert(
      fc.property(historyArb, fc.integer({ min: 0, max: 2_400 }), ({ start, steps }, minute) => {
        const records = record(start, steps);
        const real = records.at(-1)?.stage ?? start;
        const now = at(minute);
        const { timeline } = publicTimeline(records, real, now);
        const byId = new Map(records.map((r) => [r.id, r]));
        for (const entry of timeline) {
          expect(Date.parse(entry.publishAt)).toBeLessThanOrEqual(now.getTime());
          expect(Date.parse(entry.publishAt)).toBeGreaterThanOrEqual(Date.parse(String(byId.get(entry.id)!.publishAt)));
        }
        for (const pause of records.filter((r) => r.stage === "suspended" && r.recordedAt <= now.getTime())) {
          const hidden = records.filter(
            (r) => BigInt(r.sequence) < BigInt(pause.sequence) && Date.parse(String(r.publishAt)) > pause.recordedAt,
          );
          for (const r of hidden) expect(timeline.map((e) => e.id)).not.toContain(r.id);
        }
        // The public stage right at a pause is "suspended", whatever was scheduled before it.
        for (const pause of records.filter((r) => r.stage === "suspended")) {
          const later = records.filter((r) => BigInt(r.sequence) > BigInt(pause.sequence) && r.recordedAt <= pause.recordedAt);
          if (later.length === 0) expect(publicTimeline(records, real, new Date(pause.recordedAt)).stage).toBe("suspended");
        }
      }),
      { numRuns: 1_000 },
    );
  });
});
