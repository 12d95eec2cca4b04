import { describe, expect, it } from "vitest";
import { publicStage, visibleTimeline, type TimelineEntry } from "./mission-timeline";

const now = new Date("2026-11-27T12:00:00Z");
const at = (iso: string, stage: TimelineEntry["stage"], id: string) => ({
  id,
  stage,
  publicNote: `note ${id}`,
  publishAt: iso,
});

describe("public mission timeline", () => {
  const updates = [
    at("2026-11-20T09:00:00Z", "funded", "a"),
    at("2026-11-25T09:00:00Z", "in_progress", "b"),
    at("2026-11-28T09:00:00Z", "completed", "c"),
  ];

  it("hides an update held back until tomorrow, note and stage alike", () => {
    const visible = visibleTimeline(updates, now);
    expect(visible.map((u) => u.id)).toEqual(["b", "a"]);
    expect(publicStage(updates, now)).toBe("in_progress");
  });

  it("shows the held-back update once its time has come", () => {
    const later = new Date("2026-11-28T09:00:00Z");
    expect(visibleTimeline(updates, later).map((u) => u.id)).toEqual(["c", "b", "a"]);
    expect(publicStage(updates, later)).toBe("completed");
  });

  it("is awaiting funds while nothing is visible", () => {
    expect(publicStage([], now)).toBe("awaiting_funds");
    expect(publicStage([at("2026-12-01T00:00:00Z", "funded", "x")], now)).toBe("awaiting_funds");
  });

  it("uses the latest visible update whatever order the rows come in", () => {
    const shuffled = [updates[1]!, updates[2]!, updates[0]!];
    expect(publicStage(shuffled, now)).toBe("in_progress");
  });

  it("never lets a future stage through, for any set of updates", () => {
    for (let i = 0; i < 200; i++) {
      const list = Array.from({ length: 5 }, (_, k) =>
        at(
          new Date(now.getTime() + (Math.random() - 0.5) * 1e9).toISOString(),
          k % 2 ? "funded" : "failed",
          `u${k}`,
        ),
      );
      const visible = visibleTimeline(list, now);
      expect(visible.every((u) => Date.parse(u.publishAt) <= now.getTime())).toBe(true);
      expect(visible).toHaveLength(list.filter((u) => Date.parse(u.publishAt) <= now.getTime()).length);
    }
  });
});
