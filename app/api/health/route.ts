// GET /api/health – 200 when the database answers, 503 (JSON, no details) when it does not.
import { connection } from "next/server";
import { db } from "@/lib/db";

export async function GET() {
  await connection();
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database: "up" });
  } catch (error) {
    console.error("health: database unreachable:", error instanceof Error ? error.message : error);
    return Response.json({ status: "error", database: "down" }, { status: 503 });
  }
}
