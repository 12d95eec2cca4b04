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

/**
 * Lifetime of a cached public read. Writes call invalidate(), so this is only a backstop for
 * changes made outside the app (a SQL console, a script).
 */
export const PUBLIC_CACHE_SECONDS = 300;

export type CacheTag = (typeof CACHE_TAGS)[keyof typeof CACHE_TAGS];

/** Expires the tags at once (not stale-while-revalidate): the next request reads the database. */
export function invalidate(...tags: CacheTag[]): void {
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
}
