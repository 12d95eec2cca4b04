// GET /api/health – 200 when the database answers, 503 (JSON, no details) when it does not.
// A signed-in admin also gets details: Stripe webhook deliveries refused in the last three days.
import { connection } from "next/server";
import { mayUse } from "@/lib/auth/roles";
import { getSessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getWebhookHealth } from "@/lib/payments/staff-webhook-health";

export async function GET() {
  await connection();
  try {
    await db.$queryRaw`SELECT 1`;
  } catch (error) {
    console.error("health: database unreachable:", error instanceof Error ? error.message : error);
    return Response.json({ status: "error", database: "down" }, { status: 503 });
  }
  const details = await adminDetails();
  return Response.json({ status: "ok", database: "up", ...(details ? { details } : {}) });
}

async function adminDetails() {
  try {
    const user = await getSessionUser();
    if (!user || !mayUse(user.role, "admin")) return null;
    const webhook = await getWebhookHealth(user);
    return { stripeWebhook: { status: webhook.refusals.length > 0 ? "refusing deliveries" : "ok", ...webhook } };
  } catch (error) {
    // The health answer itself must not depend on the session or these details.
    console.error("health: admin details unavailable:", error instanceof Error ? error.message : error);
    return null;
  }
}
