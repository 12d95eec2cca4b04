// GET /api/test/query-count – tests only: SQL statements sent so far; 404 unless SAFE_PASSAGE_COUNT_QUERIES=1.
import { queryLog } from "@/lib/db/query-counter";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export function GET(): Response {
  if (!env.SAFE_PASSAGE_COUNT_QUERIES) return new Response("Not found", { status: 404 });
  return Response.json(queryLog(), { headers: { "cache-control": "no-store" } });
}
