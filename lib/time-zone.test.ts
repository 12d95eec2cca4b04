import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  endOfZonedDay,
  formatZonedDateTime,
  isValidTimeZone,
  startOfZonedDay,
  toZonedDate,
  toZonedDateTime,
  zonedToUtc,
} from "./time-zone";

const iso = (d: Date | null) => d?.toISOString() ?? null;

describe("site time zone", () => {
  it("reads 10:00 typed in Tokyo as 01:00 UTC, and shows it back as 10:00 Tokyo", () => {
    const instant = zonedToUtc("2026-11-28T10:00", "Asia/Tokyo");
    expect(iso(instant)).toBe("2026-11-28T01:00:00.000Z");
    expect(toZonedDateTime(instant!, "Asia/Tokyo")).toBe("2026-11-28T10:00");
    expect(formatZonedDateTime(instant!, "Asia/Tokyo")).toBe("2026-11-28 10:00 (Asia/Tokyo)");
  });

  it("crosses the date line the right way", () => {
    expect(iso(zonedToUtc("2026-11-28T08:30", "Asia/Tokyo"))).toBe("2026-11-27T23:30:00.000Z");
    expect(toZonedDate(new Date("2026-11-27T23:30:00Z"), "Asia/Tokyo")).toBe("2026-11-28");
    expect(toZonedDate(new Date("2026-11-27T23:30:00Z"), "UTC")).toBe("2026-11-27");
    expect(iso(zonedToUtc("2026-11-28T10:00", "Pacific/Honolulu"))).toBe("2026-11-28T20:00:00.000Z");
  });

  it("reads a date alone as the start of that day in the zone", () => {
    expect(iso(startOfZonedDay("2026-11-28", "Asia/Tokyo"))).toBe("2026-11-27T15:00:00.000Z");
    expect(iso(endOfZonedDay("2026-11-28", "Asia/Tokyo"))).toBe("2026-11-28T15:00:00.000Z");
    expect(iso(startOfZonedDay("2026-11-28", "UTC"))).toBe("2026-11-28T00:00:00.000Z");
    expect(startOfZonedDay("2026-11-28T10:00", "UTC")).toBeNull();
  });

  it("follows daylight saving time: summer and winter offsets, a skipped hour and a repeated one", () => {
    const ny = "America/New_York";
    expect(iso(zonedToUtc("2026-07-01T12:00", ny))).toBe("2026-07-01T16:00:00.000Z");
    expect(iso(zonedToUtc("2026-01-15T12:00", ny))).toBe("2026-01-15T17:00:00.000Z");
    // 2026-03-08 02:30 does not exist in New York: it becomes 03:30 EDT.
    expect(iso(zonedToUtc("2026-03-08T02:30", ny))).toBe("2026-03-08T07:30:00.000Z");
    // 2026-11-01 01:30 happens twice: the first one (EDT) is taken.
    expect(iso(zonedToUtc("2026-11-01T01:30", ny))).toBe("2026-11-01T05:30:00.000Z");
    // A 25-hour day ends where the next day starts.
    expect(iso(endOfZonedDay("2026-11-01", ny))).toBe("2026-11-02T05:00:00.000Z");
  });

  it("refuses what is not a date and zones that do not exist", () => {
    for (const text of ["", "tomorrow", "2026-02-30", "2026-13-01", "2026-11-28T24:00", "2026-11-28 10:00Z", "0000-01-01"]) {
      expect(zonedToUtc(text, "UTC"), text).toBeNull();
    }
    expect(isValidTimeZone("Asia/Tokyo")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });

  it("round-trips every minute of wall-clock time that exists, in several zones", () => {
    const zones = ["Asia/Tokyo", "UTC", "Europe/London", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu"];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        (zone, ms) => {
          const instant = new Date(Math.floor(ms / 60_000) * 60_000);
          const typed = toZonedDateTime(instant, zone);
          const back = zonedToUtc(typed, zone)!;
          // Exact, except in a repeated hour, where the earlier of the two instants is chosen.
          expect(toZonedDateTime(back, zone)).toBe(typed);
          expect(back.getTime()).toBeLessThanOrEqual(instant.getTime());
          expect(instant.getTime() - back.getTime()).toBeLessThanOrEqual(3_600_000);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
