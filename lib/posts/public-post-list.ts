import "server-only";
import { unstable_cache } from "next/cache";
import { CACHE_TAGS, PUBLIC_CACHE_SECONDS } from "@/lib/cache";
import { db } from "@/lib/db";

/**
 * Every published article's listing fields, newest first, INCLUDING ones scheduled for later:
 * filter with visiblePosts() at render time. Cached (tag "posts"). Bodies are not included.
 */
export const listPublicPosts = unstable_cache(
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
  ["public-posts-v1"],
  { tags: [CACHE_TAGS.posts], revalidate: PUBLIC_CACHE_SECONDS },
);

export type PublicPostSummary = Awaited<ReturnType<typeof listPublicPosts>>[number];
