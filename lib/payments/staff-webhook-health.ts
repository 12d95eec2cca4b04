// What admins see about the Stripe webhook: deliveries refused in the last three days (while
// Stripe still retries them), for /api/health and the dashboard overview.
import "server-only";
import { assertMayUse, type Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { OLDEST_SUPPORTED_API_VERSION, PINNED_API_VERSION } from "./api-version";
import { REFUSAL_WINDOW_MS } from "./webhook-refusals";

export type WebhookHealth = {
  supportedApiVersions: { oldest: string; pinned: string };
  refusals: { reason: string; apiVersion: string; count: number; lastEventType: string; firstAt: Date; lastAt: Date }[];
};

export async function getWebhookHealth(actor: Actor, now = new Date()): Promise<WebhookHealth> {
  assertMayUse(actor, "admin");
  const refusals = await db.stripeWebhookRefusal.findMany({
    where: { lastAt: { gte: new Date(now.getTime() - REFUSAL_WINDOW_MS) } },
    orderBy: { lastAt: "desc" },
    select: { reason: true, apiVersion: true, count: true, lastEventType: true, firstAt: true, lastAt: true },
  });
  return { supportedApiVersions: { oldest: OLDEST_SUPPORTED_API_VERSION, pinned: PINNED_API_VERSION }, refusals };
}
