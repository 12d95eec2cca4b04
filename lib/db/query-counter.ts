// Tests only (SAFE_PASSAGE_COUNT_QUERIES=1): counts every SQL statement the app's pg pool sends,
// BEGIN and COMMIT included, so e2e/query-count.spec.ts can hold a page to a query budget, and
// keeps the start of the last few statements so a failing budget says which ones ran. The state
// lives on globalThis because Next may load this module once per route bundle.
import "server-only";
import type pg from "pg";

const KEPT = 50;

type Counter = { count: number; recent: string[] };
const holder = globalThis as { safePassageQueries?: Counter };

/** Statements sent since the server started, and the last few (empty when counting is off). */
export function queryLog(): Counter {
  return holder.safePassageQueries ?? { count: 0, recent: [] };
}

function textOf(query: unknown): string {
  if (typeof query === "string") return query;
  if (query && typeof query === "object" && "text" in query && typeof query.text === "string") return query.text;
  return "(not a text query)";
}

/** Wraps `query` on every client the pool opens; the pool's own `query` goes through them too. */
export function countQueriesOn(pool: pg.Pool): void {
  const counter = (holder.safePassageQueries ??= { count: 0, recent: [] });
  pool.on("connect", (client) => {
    const original = client.query;
    client.query = function countedQuery(this: pg.PoolClient, ...args: Parameters<typeof original>) {
      counter.count += 1;
      counter.recent.push(textOf(args[0]).replace(/\s+/g, " ").slice(0, 160));
      if (counter.recent.length > KEPT) counter.recent.shift();
      return Reflect.apply(original, this, args);
    } as typeof original;
  });
}
