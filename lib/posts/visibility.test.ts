import { describe, expect, it } from "vitest";
import { isVisibleAt, visiblePosts } from "./visibility";

const now = new Date("2026-11-27T12:00:00Z");

describe("article visibility", () => {
  it("hides scheduled and undated articles, shows the rest", () => {
    expect(isVisibleAt(null, now)).toBe(false);
    expect(isVisibleAt("2026-11-27T12:00:00.000Z", now)).toBe(true);
    expect(isVisibleAt("2026-11-27T12:00:00.001Z", now)).toBe(false);
    const posts = [
      { slug: "past", publishedAt: "2026-11-01T00:00:00Z" },
      { slug: "future", publishedAt: "2026-12-01T00:00:00Z" },
      { slug: "none", publishedAt: null },
    ];
    expect(visiblePosts(posts, now).map((p) => p.slug)).toEqual(["past"]);
  });
});
