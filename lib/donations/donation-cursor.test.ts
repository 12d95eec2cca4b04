// Issue 20 item 8: `?after=` is written by anyone. Only a well-formed cursor reaches the query.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./donation-cursor";

const raw = (text: string) => Buffer.from(text).toString("base64url");

describe("donation list cursor", () => {
  it("round-trips a real row's cursor", () => {
    const cursor = { receivedAt: new Date("2026-11-20T03:04:05.678Z"), id: "cmabc123def456" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it("reads a NUL byte, a year PostgreSQL cannot store and other junk as no cursor (the first page)", () => {
    for (const text of [
      raw("2026-11-20T00:00:00.000Z|abc\u0000def"),
      raw("-271821-04-20T00:00:00.000Z|cmabc123"),
      raw("+275760-09-13T00:00:00.000Z|cmabc123"),
      raw("0000-01-01T00:00:00.000Z|cmabc123"),
      raw("2026-11-20|cmabc123"),
      raw("2026-11-20T00:00:00.000Z|"),
      raw("2026-11-20T00:00:00.000Z|a|b"),
      raw("2026-11-20T00:00:00.000Z|' OR 1=1 --"),
      raw(`2026-11-20T00:00:00.000Z|${"a".repeat(65)}`),
      "%%%",
      "x".repeat(201),
      "",
    ]) {
      expect(decodeCursor(text), text).toBeUndefined();
    }
  });

  it("never returns a cursor outside what the database can hold, whatever the text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map(raw), fc.tuple(fc.string(), fc.string()).map(([a, b]) => raw(`${a}|${b}`))), (text) => {
        const cursor = decodeCursor(text);
        if (!cursor) return;
        expect(cursor.receivedAt.getUTCFullYear()).toBeGreaterThanOrEqual(1900);
        expect(cursor.receivedAt.getUTCFullYear()).toBeLessThanOrEqual(9999);
        expect(cursor.id).toMatch(/^[a-z0-9]{1,64}$/i);
      }),
      { numRuns: 2_000 },
    );
  });
});
