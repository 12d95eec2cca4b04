// Verifies and applies one Stripe webhook delivery. Used by POST /api/stripe/webhook and by the
// built-in demo checkout, so test payments follow exactly the production path.
//
// Exactly once: the event id is inserted into StripeEvent in the same transaction as the change.
// A redelivery (or a concurrent duplicate, which waits on the primary key) finds the id and does
// nothing. Any failure rolls back the whole transaction and answers 500, so Stripe retries.
import "server-only";
import { z } from "zod";
import { CACHE_TAGS, invalidate } from "@/lib/cache";
import { refreshCampaignTotals } from "@/lib/donations/totals";
import { db } from "@/lib/db";
import { isSupportedApiVersion, OLDEST_SUPPORTED_API_VERSION, PINNED_API_VERSION } from "./api-version";
import { handleChargeDispute } from "./events/charge-dispute";
import { handleChargeRefunded } from "./events/charge-refunded";
import { handleCheckoutSession } from "./events/checkout-session";
import { handleInvoicePaid } from "./events/invoice-paid";
import { type HandledEvent, handledEventShape, isHandledType } from "./events/shapes";
import { type Changed, RetryLater, type Tx } from "./events/shared";
import { handleSubscriptionDeleted } from "./events/subscription-deleted";
import { stripeClient, stripeConfigured, stripeWebhooks, webhookSecret } from "./stripe";
import { type RefusalReason, recordWebhookRefusal } from "./webhook-refusals";

export type WebhookResult = { status: 200 | 400 | 500; body: { received: boolean; note?: string } };

/** Stripe's own default: a signature older, or dated further ahead, than this is refused. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** What the webhook asks Stripe's API. The demo checkout, which has no API, answers it itself. */
export type StripeLookups = { invoicePaymentIntent(invoiceId: string): Promise<string | null> };

const stripeApi: StripeLookups = {
  async invoicePaymentIntent(invoiceId) {
    if (!stripeConfigured()) return null;
    const list = await stripeClient().invoicePayments.list({ invoice: invoiceId, status: "paid", limit: 1 });
    const ref = list.data[0]?.payment.payment_intent;
    return (typeof ref === "string" ? ref : ref?.id) ?? null;
  },
};

// Any event, before its type is known: enough to answer, record and report it.
const eventEnvelope = z.object({
  id: z.string().min(1).max(255),
  type: z.string().min(1).max(255),
  created: z.number().int(),
  api_version: z.string().nullish(),
  data: z.object({ object: z.looseObject({}) }),
});

export async function handleStripeWebhook(
  rawBody: string,
  signature: string | null,
  lookups: StripeLookups = stripeApi,
): Promise<WebhookResult> {
  const secret = webhookSecret();
  let verified: unknown;
  try {
    // No secret (no Stripe keys, demo checkout off): nothing can be signed correctly.
    if (!secret) throw new Error("no webhook secret");
    verified = stripeWebhooks().constructEvent(rawBody, signature ?? "", secret, SIGNATURE_TOLERANCE_SECONDS);
  } catch {
    return { status: 400, body: { received: false, note: "invalid signature" } };
  }
  // The SDK refuses old signatures only; one dated ahead would stay replayable until that time.
  if (!signedWithinTolerance(signature ?? "")) return { status: 400, body: { received: false, note: "invalid signature" } };
  // Signed by the right secret yet not an event (e.g. "null"): refusing it beats a 500 that
  // would be retried for days, or a crash on the first missing field.
  const envelope = eventEnvelope.safeParse(verified);
  if (!envelope.success) return { status: 400, body: { received: false, note: "not an event" } };
  const { id, type, api_version: apiVersion } = envelope.data;
  if (!isHandledType(type)) return { status: 200, body: { received: true, note: "ignored" } };
  if (!isSupportedApiVersion(apiVersion)) return refuse("api_version", { id, type, apiVersion });
  const parsed = handledEventShape.safeParse(verified);
  if (!parsed.success) return refuse("unreadable", { id, type, apiVersion }, z.prettifyError(parsed.error));
  const event = parsed.data;

  try {
    // Network look-ups happen before the transaction, never while it holds locks.
    const paymentIntentId = event.type === "invoice.paid" ? await lookups.invoicePaymentIntent(event.data.object.id) : null;
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

function applyEvent(tx: Tx, event: HandledEvent, paymentIntentId: string | null): Promise<Changed> {
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
    case "charge.dispute.updated":
    case "charge.dispute.closed":
      return handleChargeDispute(tx, event);
    case "customer.subscription.deleted":
      return handleSubscriptionDeleted(tx, event);
  }
}

/**
 * A delivery the app cannot read: answered 500 so Stripe keeps retrying (for three days) while
 * someone fixes the endpoint or the app, and reported loudly: the log, /api/health for admins and
 * the dashboard overview. Nothing of the event is applied.
 */
async function refuse(
  reason: RefusalReason,
  event: { id: string; type: string; apiVersion: string | null | undefined },
  detail?: string,
): Promise<WebhookResult> {
  const why =
    reason === "api_version"
      ? `its API version ${event.apiVersion ?? "(none)"} is not supported (${OLDEST_SUPPORTED_API_VERSION} to ${PINNED_API_VERSION}): ` +
        `set the webhook endpoint's API version to ${PINNED_API_VERSION} in Stripe's dashboard`
      : `its payload does not have the fields the app reads: ${detail ?? ""}`;
  console.error(`stripe webhook: REFUSED ${event.id} (${event.type}) because ${why}. Stripe retries it for three days.`);
  await recordWebhookRefusal({ reason, apiVersion: event.apiVersion ?? null, eventId: event.id, eventType: event.type });
  return { status: 500, body: { received: false, note: reason === "api_version" ? "unsupported API version" : "unreadable event" } };
}

/** The `t=` of a Stripe-Signature header (already verified) is within the tolerance of now, both ways. */
function signedWithinTolerance(header: string): boolean {
  const timestamps = header
    .split(",")
    .map((part) => part.split("="))
    .filter(([key]) => key?.trim() === "t")
    .map(([, value]) => Number(value));
  const now = Math.floor(Date.now() / 1000);
  return timestamps.length === 1 && timestamps.every((t) => Number.isInteger(t) && Math.abs(now - t) <= SIGNATURE_TOLERANCE_SECONDS);
}

// ON CONFLICT covers duplicates; a unique violation can still surface if a driver retries a statement.
function isUniqueViolationOnStripeEvent(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = "code" in error ? error.code : undefined;
  return (code === "P2002" || code === "23505") && /StripeEvent/.test(`${error.message} ${JSON.stringify(error)}`);
}

function invalidateCampaigns(): void {
  try {
    invalidate(CACHE_TAGS.campaigns);
  } catch (error) {
    // Outside a Next.js request (scripts, tests) there is no cache to expire.
    console.warn("stripe webhook: cache invalidation skipped:", error instanceof Error ? error.message : error);
  }
}
