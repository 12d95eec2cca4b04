import { describe, expect, it } from "vitest";
import { daysLeft, deadlineText, isUrgent } from "./deadline";

const now = new Date("2026-11-27T12:00:00Z");

describe("campaign deadlines", () => {
  it("rounds the days left up and says when a campaign has ended", () => {
    expect(daysLeft(null, now)).toBeNull();
    expect(deadlineText("2026-11-27T15:00:00Z", now)).toBe("1 day left");
    expect(deadlineText("2026-12-18T12:00:00Z", now)).toBe("21 days left");
    expect(deadlineText("2026-11-27T11:59:59Z", now)).toBe("Ended");
  });

  it("calls only published campaigns with a deadline ahead urgent", () => {
    expect(isUrgent({ status: "published", deadline: "2026-12-01T00:00:00Z" }, now)).toBe(true);
    expect(isUrgent({ status: "published", deadline: "2026-11-01T00:00:00Z" }, now)).toBe(false);
    expect(isUrgent({ status: "published", deadline: null }, now)).toBe(false);
    expect(isUrgent({ status: "closed", deadline: "2026-12-01T00:00:00Z" }, now)).toBe(false);
  });
});
