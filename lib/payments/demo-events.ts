// The events the built-in demo checkout sends in Stripe's place: a minimal subset of what Stripe
// sends for the pinned API version (only fields Stripe's objects have, with the same types), enough
// for the webhook handlers. demo-events.test.ts holds them against Stripe's own example objects.
import "server-only";
import { randomBytes } from "node:crypto";
import { PINNED_API_VERSION } from "./api-version";

type Json = Record<string, unknown>;

export function stripeId(prefix: string): string {
  return `${prefix}_test_${randomBytes(12).toString("hex")}`;
}

const now = () => Math.floor(Date.now() / 1000);

export function demoEvent(type: string, object: Json): Json {
  return {
    id: stripeId("evt"),
    object: "event",
    api_version: PINNED_API_VERSION,
    created: now(),
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
}

export type DemoSession = {
  id: string;
  mode: "payment" | "subscription";
  amount: number;
  currency: string;
  metadata: Record<string, string>;
  paymentIntentId: string | null;
  subscriptionId: string | null;
  invoiceId: string | null;
  email: string | null;
};

export function demoCheckoutSession(input: DemoSession): Json {
  return {
    id: input.id,
    object: "checkout.session",
    amount_subtotal: input.amount,
    amount_total: input.amount,
    created: now(),
    currency: input.currency.toLowerCase(),
    customer_details: input.email ? { email: input.email, name: null } : null,
    invoice: input.invoiceId,
    livemode: false,
    metadata: input.metadata,
    mode: input.mode,
    payment_intent: input.mode === "payment" ? input.paymentIntentId : null,
    payment_status: "paid",
    status: "complete",
    subscription: input.subscriptionId,
  };
}

/** A paid first invoice of a subscription: no `payments` (webhooks never carry it). */
export function demoInvoice(input: { id: string; subscriptionId: string; amount: number; currency: string; metadata: Record<string, string> }): Json {
  const paidAt = now();
  return {
    id: input.id,
    object: "invoice",
    amount_due: input.amount,
    amount_paid: input.amount,
    amount_remaining: 0,
    billing_reason: "subscription_create",
    created: paidAt,
    currency: input.currency.toLowerCase(),
    livemode: false,
    parent: {
      type: "subscription_details",
      quote_details: null,
      subscription_details: { metadata: input.metadata, subscription: input.subscriptionId },
    },
    status: "paid",
    status_transitions: { finalized_at: paidAt, paid_at: paidAt },
  };
}

export function demoCharge(input: { id: string; paymentIntentId: string; amount: number; amountRefunded: number; currency: string }): Json {
  return {
    id: input.id,
    object: "charge",
    amount: input.amount,
    amount_captured: input.amount,
    amount_refunded: input.amountRefunded,
    captured: true,
    created: now(),
    currency: input.currency.toLowerCase(),
    livemode: false,
    paid: true,
    payment_intent: input.paymentIntentId,
    refunded: input.amountRefunded >= input.amount,
    status: "succeeded",
  };
}
