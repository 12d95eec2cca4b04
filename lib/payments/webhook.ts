// Verifies and applies one Stripe webhook delivery. Used by POST /api/stripe/webhook and by the
// built-in demo checkout, so test payments follow exactly the production path.
//
// Exactly once: the event id is inserted into StripeEvent in the same transaction as the change.
// A redelivery (or a concurrent duplicate, which waits on the primary key) finds the id and does
// nothing. Any failure rolls back the whole transaction and answers 500, so Stripe retries.
import "server-only";
import type Stripe from "stripe";
import { CACHE_TAGS, invalidate } from "@/lib/cache";
import { refreshCampaignTotals } from "@/lib/donations/totals";
import { db } from "@/lib/db";
import { handleChargeDispute } from "./events/charge-dispute";
import { handleChargeRefunded } from "./events/charge-refunded";
import { handleCheckoutSession } from "./events/checkout-session";
import { handleInvoicePaid } from "./events/invoice-paid";
import { type Changed, idOf, RetryLater, type Tx } from "./events/shared";
import { handleSubscriptionDeleted } from "./events/subscription-deleted";
import { stripeClient, stripeConfigured, stripeWebhooks, webhookSecret } from "./stripe";

export type WebhookResult = { status: 200 | 400 | 500; body: { received: boolean; note?: string } };

export const HANDLED_EVENTS = [
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
  "checkout.session.expired",
  "invoice.paid",
  "charge.refunded",
  "charge.dispute.created",
  "charge.dispute.closed",
  "customer.subscription.deleted",
] as const;

export async function handleStripeWebhook(rawBody: string, signature: string | null): Promise<WebhookResult> {
  let event: Stripe.Event;
  try {
    event = stripeWebhooks().constructEvent(rawBody, signature ?? "", webhookSecret());
  } catch {
    return { status: 400, body: { received: false, note: "invalid signature" } };
  }
  // Signed by the right secret yet not an event (e.g. "null"): refusing it beats a 500 that
  // would be retried for days, or a crash on the first missing field.
  if (!isEventShaped(event)) return { status: 400, body: { received: false, note: "not an event" } };
  if (!(HANDLED_EVENTS as readonly string[]).includes(event.type)) {
    return { status: 200, body: { received: true, note: "ignored" } };
  }
  try {
    // Network look-ups happen before the transaction, never while it holds locks.
    const paymentIntentId = event.type === "invoice.paid" ? await invoicePaymentIntent(event.data.object) : null;
    const outcome = await db.$transaction(async (tx) => {
      const inserted = await tx.$executeRaw`
        INSERT INTO "StripeEvent" ("id", "type") VALUES (${event.id}, ${event.type}) ON CONFLICT ("id") DO NOTHING`;
      if (inserted === 0) return "duplicate" as const;
      const changed = await applyEvent(tx, event, paymentIntentId);
      for (const campaignId of new Set(changed)) await refreshCampaignTotals(tx, campaignId);
      return changed;
    }, { maxWait: 10_000, timeout: 20_000 });
    if (outcome === "duplicate") return { status: 200, body: { received: true, note: "already processed" } };
    if (outcome.length > 0) invalidateCampaigns();
    return { status: 200, body: { received: true } };
  } catch (error) {
    if (error instanceof RetryLater) {
      console.warn(`stripe webhook: ${event.id} (${event.type}) deferred: ${error.message}`);
      return { status: 500, body: { received: false, note: "not ready, retry later" } };
    }
    if (isUniqueViolationOnStripeEvent(error)) return { status: 200, body: { received: true, note: "already processed" } };
    console.error(`stripe webhook: ${event.id} (${event.type}) failed:`, error);
    return { status: 500, body: { received: false } };
  }
}

function applyEvent(tx: Tx, event: Stripe.Event, paymentIntentId: string | null): Promise<Changed> {
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded":
    case "checkout.session.async_payment_failed":
    case "checkout.session.expired":
      return handleCheckoutSession(tx, event);
    case "invoice.paid":
      return handleInvoicePaid(tx, event, paymentIntentId);
    case "charge.refunded":
      return handleChargeRefunded(tx, event);
    case "charge.dispute.created":
    case "charge.dispute.closed":
      return handleChargeDispute(tx, event);
    case "customer.subscription.deleted":
      return handleSubscriptionDeleted(tx, event);
    default:
      return Promise.resolve([]);
  }
}

/** Since API version 2025-03-31 an invoice links its payment intent through `payments`. */
async function invoicePaymentIntent(invoice: Stripe.Invoice): Promise<string | null> {
  const fromPayload = invoice.payments?.data.find((p) => p.status === "paid") ?? invoice.payments?.data[0];
  if (fromPayload) return idOf(fromPayload.payment.payment_intent);
  if (!stripeConfigured() || !invoice.id) return null;
  const list = await stripeClient().invoicePayments.list({ invoice: invoice.id, status: "paid", limit: 1 });
  return idOf(list.data[0]?.payment.payment_intent);
}

// ON CONFLICT covers duplicates; a unique violation can still surface if a driver retries a statement.
function isUniqueViolationOnStripeEvent(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = "code" in error ? error.code : undefined;
  return (code === "P2002" || code === "23505") && /StripeEvent/.test(`${error.message} ${JSON.stringify(error)}`);
}

function isEventShaped(value: unknown): value is Stripe.Event {
  if (typeof value !== "object" || value === null) return false;
  const { id, type, created, data } = value as Record<string, unknown>;
  const object = typeof data === "object" && data !== null ? (data as Record<string, unknown>).object : null;
  return (
    typeof id === "string" &&
    id.length > 0 &&
    id.length <= 255 &&
    typeof type === "string" &&
    typeof created === "number" &&
    typeof object === "object" &&
    object !== null
  );
}

function invalidateCampaigns(): void {
  try {
    invalidate(CACHE_TAGS.campaigns);
  } catch (error) {
    // Outside a Next.js request (scripts, tests) there is no cache to expire.
    console.warn("stripe webhook: cache invalidation skipped:", error instanceof Error ? error.message : error);
  }
}
