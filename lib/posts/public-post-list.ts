import "server-only";
import { CACHE_TAGS, cachedRead } from "@/lib/cache";
import { db } from "@/lib/db";
import { visiblePosts } from "./visibility";

/**
 * Every published article's listing fields, newest first, INCLUDING ones scheduled for later,
 * which is why it stays private to this module. Cached (tag "posts"). Bodies are not included.
 */
const readPostSummaries = cachedRead(
  async () => {
    const rows = await db.post.findMany({
      where: { status: "published", publishedAt: { not: null } },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        slug: true,
        title: true,
        excerpt: true,
        publishedAt: true,
        updatedAt: true,
        seriesPart: true,
        category: { select: { slug: true, name: true } },
        series: { select: { slug: true, title: true } },
      },
    });
    return rows.map((p) => ({
      ...p,
      publishedAt: p.publishedAt?.toISOString() ?? null,
      updatedAt: p.updatedAt.toISOString(),
    }));
  },
  ["public-posts-v2"],
  [CACHE_TAGS.posts],
);

/** Published articles visible at `now`, newest first. */
export async function listPublicPosts(now = new Date()) {
  return visiblePosts(await readPostSummaries(), now);
}

export type PublicPostSummary = Awaited<ReturnType<typeof listPublicPosts>>[number];
