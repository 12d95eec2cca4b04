import "server-only";
import { CACHE_TAGS, cachedRead } from "@/lib/cache";
import { db } from "@/lib/db";

/** All categories and series (names and descriptions are public). Cached (tag "posts"). */
export const listPublicTaxonomy = cachedRead(
  async () => {
    const [categories, series] = await Promise.all([
      db.category.findMany({
        orderBy: { name: "asc" },
        select: { slug: true, name: true, description: true },
      }),
      db.series.findMany({
        orderBy: { title: "asc" },
        select: { slug: true, title: true, description: true },
      }),
    ]);
    return { categories, series };
  },
  ["public-taxonomy-v2"],
  [CACHE_TAGS.posts],
);
