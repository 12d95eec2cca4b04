import { describe, expect, it } from "vitest";
import { pageCount, pageParam } from "./pagination";

describe("pagination", () => {
  it("reads ?page= strictly", () => {
    expect(pageParam(undefined)).toBe(1);
    expect(pageParam("2")).toBe(2);
    for (const bad of ["0", "-1", "1.5", "abc", "2x", "", "01", "9999999"])
      expect(pageParam(bad), bad).toBeNull();
    expect(pageParam(["1", "2"])).toBeNull();
  });

  it("always has at least one page", () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(10)).toBe(1);
    expect(pageCount(11)).toBe(2);
  });
});
