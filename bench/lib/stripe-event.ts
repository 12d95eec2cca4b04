// The one place that knows what a Stripe `checkout.session.completed` event looks like to our
// webhook. If the donations handler reads more fields, add them here (and only here).
import { randomBytes } from "node:crypto";
import Stripe from "stripe";

// The SDK only signs locally here; it never calls Stripe (which is unreachable anyway).
const stripe = new Stripe("sk_test_bench_not_a_real_key");

export type CompletedCheckout = { campaignId: string; amount: number; currency: string };

const id = (prefix: string) => `${prefix}_bench${randomBytes(12).toString("hex")}`;

export function checkoutCompletedEvent(checkout: CompletedCheckout) {
  const created = Math.floor(Date.now() / 1000);
  return {
    id: id("evt"),
    object: "event",
    api_version: Stripe.API_VERSION,
    created,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: "checkout.session.completed",
    data: {
      object: {
        id: id("cs_test"),
        object: "checkout.session",
        mode: "payment",
        status: "complete",
        payment_status: "paid",
        amount_total: checkout.amount,
        amount_subtotal: checkout.amount,
        currency: checkout.currency.toLowerCase(),
        payment_intent: id("pi"),
        subscription: null,
        invoice: null,
        customer: null,
        customer_email: null,
        customer_details: { email: null, name: null },
        metadata: { campaignId: checkout.campaignId },
        created,
        livemode: false,
      },
    },
  };
}

/** The exact body and Stripe-Signature header the app verifies with constructEvent(). */
export function signedWebhook(checkout: CompletedCheckout, secret: string): { payload: string; signature: string; eventId: string } {
  const event = checkoutCompletedEvent(checkout);
  const payload = JSON.stringify(event);
  return { payload, signature: stripe.webhooks.generateTestHeaderString({ payload, secret }), eventId: event.id };
}

/** POSTs one signed event; resolves with the HTTP status (0 when the server did not answer). */
export async function postWebhook(url: string, checkout: CompletedCheckout, secret: string): Promise<number> {
  const { payload, signature } = signedWebhook(checkout, secret);
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "stripe-signature": signature },
    body: payload,
  }).catch(() => null);
  await response?.arrayBuffer();
  return response?.status ?? 0;
}

/** Whether the webhook route exists: an unsigned empty POST gets 400/401 from a handler, 404 without one. */
export async function webhookExists(url: string): Promise<boolean> {
  const response = await fetch(url, { method: "POST", body: "{}", headers: { "content-type": "application/json" } }).catch(() => null);
  await response?.arrayBuffer();
  return response !== null && response.status !== 404 && response.status !== 405;
}
