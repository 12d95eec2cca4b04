// Deliveries the webhook refuses because it cannot read them. Stripe retries them for three days;
// admins must hear about it before then (the log, /api/health, the dashboard overview), or the
// gifts in them are lost. Written by the webhook (no user); read by staff-webhook-health.ts.
import "server-only";
import { db } from "@/lib/db";

export type RefusalReason = "api_version" | "unreadable";

/** Stripe stops retrying a delivery after three days: refusals older than that are history. */
export const REFUSAL_WINDOW_MS = 3 * 24 * 3600 * 1000;

/** Counts one refused delivery. Never throws: a failure to record must not change the answer. */
export async function recordWebhookRefusal(input: {
  reason: RefusalReason;
  apiVersion: string | null;
  eventId: string;
  eventType: string;
}): Promise<void> {
  const apiVersion = (input.apiVersion ?? "none").slice(0, 64);
  try {
    await db.$executeRaw`
      INSERT INTO "StripeWebhookRefusal" ("reason", "apiVersion", "count", "lastEventId", "lastEventType", "firstAt", "lastAt")
      VALUES (${input.reason}, ${apiVersion}, 1, ${input.eventId.slice(0, 255)}, ${input.eventType.slice(0, 255)}, now(), now())
      ON CONFLICT ("reason", "apiVersion") DO UPDATE SET
        -- A refusal after a quiet window starts a new episode: count afresh.
        "count" = CASE WHEN "StripeWebhookRefusal"."lastAt" < now() - interval '3 days' THEN 1 ELSE "StripeWebhookRefusal"."count" + 1 END,
        "firstAt" = CASE WHEN "StripeWebhookRefusal"."lastAt" < now() - interval '3 days' THEN now() ELSE "StripeWebhookRefusal"."firstAt" END,
        "lastEventId" = EXCLUDED."lastEventId",
        "lastEventType" = EXCLUDED."lastEventType",
        "lastAt" = now()`;
  } catch (error) {
    console.error("stripe webhook: could not record a refused delivery:", error instanceof Error ? error.message : error);
  }
}
