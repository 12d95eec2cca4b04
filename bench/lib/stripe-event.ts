// Signed `checkout.session.completed` deliveries for the bench, built from Stripe's own example
// objects (test/support/stripe/objects.ts), so the bench sends what Stripe sends to the webhook
// handler (lib/payments/events/checkout-session.ts).
//
// The handler only completes a donation it created: every checkout session starts as a pending
// Donation row (the donate action writes it before redirecting to Stripe). The bench inserts
// those pending rows itself, untimed, the way createPendingDonation() does, then posts the
// completions; the webhook path itself makes no Stripe API call for this event type.
import { randomBytes } from "node:crypto";
import type pg from "pg";
import { checkoutSessionObject, eventOf, signEvent, stripeId } from "@/test/support/stripe/objects";

export type PendingCheckout = { donationId: string; sessionId: string; campaignId: string; amount: number; currency: string };

/** Inserts `amounts.length` pending card donations for one campaign, each linked to its session id. */
export async function createPendingCheckouts(
  pool: pg.Pool,
  campaignId: string,
  currency: string,
  amounts: number[],
): Promise<PendingCheckout[]> {
  const checkouts = amounts.map((amount) => ({
    donationId: `bench_${randomBytes(10).toString("hex")}`,
    sessionId: stripeId("cs"),
    campaignId,
    amount,
    currency,
  }));
  // One statement per 1 000 rows: unnest keeps the parameter count fixed.
  for (let i = 0; i < checkouts.length; i += 1_000) {
    const chunk = checkouts.slice(i, i + 1_000);
    await pool.query(
      `INSERT INTO "Donation" (id, "campaignId", amount, currency, status, method, "receiptToken", "stripeCheckoutSessionId", "donorEmail", "updatedAt")
       SELECT d.id, $1, d.amount, $2, 'pending', 'card', d.token, d.session, d.email, now()
         FROM unnest($3::text[], $4::int[], $5::text[], $6::text[], $7::text[]) AS d(id, amount, token, session, email)`,
      [
        campaignId,
        currency,
        chunk.map((c) => c.donationId),
        chunk.map((c) => c.amount),
        chunk.map(() => randomBytes(24).toString("base64url")),
        chunk.map((c) => c.sessionId),
        chunk.map((c) => `${c.donationId}@example.org`),
      ],
    );
  }
  return checkouts;
}

/** The exact body and Stripe-Signature header Stripe would send when the donor has paid. */
export function signedCompletion(checkout: PendingCheckout, secret: string): { payload: string; signature: string } {
  const session = checkoutSessionObject({
    id: checkout.sessionId,
    mode: "payment",
    amount: checkout.amount,
    currency: checkout.currency,
    metadata: { donationId: checkout.donationId, campaignId: checkout.campaignId },
    paymentIntentId: stripeId("pi"),
    email: `${checkout.donationId}@example.org`,
  });
  return signEvent(eventOf("checkout.session.completed", session), secret);
}

/** POSTs one signed completion; resolves with the HTTP status (0 when the server did not answer). */
export async function postWebhook(url: string, checkout: PendingCheckout, secret: string): Promise<number> {
  const { payload, signature } = signedCompletion(checkout, secret);
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "stripe-signature": signature },
    body: payload,
  }).catch(() => null);
  await response?.arrayBuffer();
  return response?.status ?? 0;
}

/** Whether the webhook route exists: an unsigned empty POST gets 400 from the handler, 404 without one. */
export async function webhookExists(url: string): Promise<boolean> {
  const response = await fetch(url, { method: "POST", body: "{}", headers: { "content-type": "application/json" } }).catch(() => null);
  await response?.arrayBuffer();
  return response !== null && response.status !== 404 && response.status !== 405;
}
