// Cache tags for the public site's data. Reads tag themselves with these; every write that
// changes what the public sees calls invalidate() so the next request renders fresh data.
import "server-only";
import { revalidateTag } from "next/cache";

export const CACHE_TAGS = {
  /** Campaigns, their totals, stages, timelines and donor messages. */
  campaigns: "campaigns",
  /** Articles, categories, series, feed. */
  posts: "posts",
} as const;

export type CacheTag = (typeof CACHE_TAGS)[keyof typeof CACHE_TAGS];

/** Expires the tags at once (not stale-while-revalidate): the next request reads the database. */
export function invalidate(...tags: CacheTag[]): void {
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
}
