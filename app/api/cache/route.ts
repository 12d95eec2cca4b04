// POST /api/cache – expires the public data cache after changes made outside the app (a SQL
// console, a script, test fixtures). Needs `Authorization: Bearer <key>`, the key derived from
// APP_SECRET for "public-cache" (see lib/env.ts derivedSecret).
import { timingSafeEqual } from "node:crypto";
import { CACHE_TAGS, invalidate } from "@/lib/cache";
import { derivedSecret } from "@/lib/env";

function authorised(header: string | null): boolean {
  const expected = Buffer.from(`Bearer ${derivedSecret("public-cache")}`);
  const given = Buffer.from(header ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function POST(request: Request): Promise<Response> {
  if (!authorised(request.headers.get("authorization"))) {
    return Response.json({ error: "forbidden" }, { status: 403 });
  }
  invalidate(CACHE_TAGS.campaigns, CACHE_TAGS.posts);
  return Response.json({ ok: true });
}
