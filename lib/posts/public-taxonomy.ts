import "server-only";
import { unstable_cache } from "next/cache";
import { CACHE_TAGS, PUBLIC_CACHE_SECONDS } from "@/lib/cache";
import { db } from "@/lib/db";

/** All categories and series (names and descriptions are public). Cached (tag "posts"). */
export const listPublicTaxonomy = unstable_cache(
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
  ["public-taxonomy-v1"],
  { tags: [CACHE_TAGS.posts], revalidate: PUBLIC_CACHE_SECONDS },
);
