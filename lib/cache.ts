// Cache tags for the public site's data. Reads tag themselves with these; every write that
// changes what the public sees calls invalidate() so the next request renders fresh data.
import "server-only";
import { revalidateTag, unstable_cache } from "next/cache";

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

// JSON, the format of Next's data cache, has no bigint: amounts are stored as {"$bigint": "…"}.
type Encoded = { $bigint: string };

function encode(value: unknown): unknown {
  if (typeof value === "bigint") return { $bigint: value.toString() } satisfies Encoded;
  if (Array.isArray(value)) return value.map(encode);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
  }
  return value;
}

function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value && typeof value === "object") {
    if (Object.keys(value).length === 1 && typeof (value as Encoded).$bigint === "string") {
      return BigInt((value as Encoded).$bigint);
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v)]));
  }
  return value;
}

/**
 * A public read cached with unstable_cache under `tags`, for PUBLIC_CACHE_SECONDS. Results must be
 * plain JSON apart from bigint amounts, which are kept exact (give Dates as ISO strings).
 */
export function cachedRead<A extends unknown[], T>(
  read: (...args: A) => Promise<T>,
  keyParts: string[],
  tags: CacheTag[],
): (...args: A) => Promise<T> {
  const cached = unstable_cache(async (...args: A) => encode(await read(...args)), keyParts, {
    tags,
    revalidate: PUBLIC_CACHE_SECONDS,
  });
  return async (...args: A) => decode(await cached(...args)) as T;
}
