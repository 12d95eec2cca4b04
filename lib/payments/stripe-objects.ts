// Stripe-shaped objects and signed event deliveries (API version pinned by the SDK), built by
// the demo checkout, test-mode refunds, the e2e fake Stripe server and the webhook tests.
// Only the fields this app reads plus the identifying ones; shapes follow Stripe's API reference.
import { randomBytes } from "node:crypto";
import Stripe from "stripe";

type Json = Record<string, unknown>;

export function stripeId(prefix: string): string {
  return `${prefix}_test_${randomBytes(12).toString("hex")}`;
}

const now = () => Math.floor(Date.now() / 1000);

export function eventOf(type: string, object: Json, options: { id?: string; created?: number } = {}): Json {
  return {
    id: options.id ?? stripeId("evt"),
    object: "event",
    api_version: Stripe.API_VERSION,
    created: options.created ?? now(),
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
}

export type SessionInput = {
  id: string;
  mode: "payment" | "subscription";
  amount: number;
  currency: string;
  metadata: Record<string, string>;
  paymentIntentId?: string | null;
  subscriptionId?: string | null;
  invoiceId?: string | null;
  email?: string | null;
  paymentStatus?: "paid" | "unpaid";
  successUrl?: string;
  cancelUrl?: string;
  url?: string | null;
};

export function checkoutSessionObject(input: SessionInput): Json {
  return {
    id: input.id,
    object: "checkout.session",
    amount_subtotal: input.amount,
    amount_total: input.amount,
    cancel_url: input.cancelUrl ?? null,
    client_reference_id: input.metadata.donationId ?? null,
    created: now(),
    currency: input.currency.toLowerCase(),
    customer: input.mode === "subscription" ? stripeId("cus") : null,
    customer_details: input.email ? { email: input.email, name: null } : null,
    customer_email: input.email ?? null,
    invoice: input.invoiceId ?? null,
    livemode: false,
    metadata: input.metadata,
    mode: input.mode,
    payment_intent: input.mode === "payment" ? (input.paymentIntentId ?? null) : null,
    payment_status: input.paymentStatus ?? "paid",
    status: input.paymentStatus === "unpaid" ? "open" : "complete",
    subscription: input.subscriptionId ?? null,
    success_url: input.successUrl ?? null,
    url: input.url ?? null,
  };
}

export type InvoiceInput = {
  id: string;
  subscriptionId: string;
  amount: number;
  currency: string;
  billingReason: "subscription_create" | "subscription_cycle";
  paymentIntentId: string;
  metadata: Record<string, string>;
};

export function invoiceObject(input: InvoiceInput): Json {
  const paidAt = now();
  return {
    id: input.id,
    object: "invoice",
    amount_due: input.amount,
    amount_paid: input.amount,
    amount_remaining: 0,
    billing_reason: input.billingReason,
    currency: input.currency.toLowerCase(),
    livemode: false,
    parent: {
      type: "subscription_details",
      quote_details: null,
      subscription_details: { metadata: input.metadata, subscription: input.subscriptionId },
    },
    payments: {
      object: "list",
      data: [
        {
          id: stripeId("inpay"),
          object: "invoice_payment",
          amount_paid: input.amount,
          amount_requested: input.amount,
          currency: input.currency.toLowerCase(),
          invoice: input.id,
          is_default: true,
          payment: { type: "payment_intent", payment_intent: input.paymentIntentId },
          status: "paid",
        },
      ],
      has_more: false,
      url: `/v1/invoice_payments?invoice=${input.id}`,
    },
    status: "paid",
    status_transitions: { paid_at: paidAt, finalized_at: paidAt },
  };
}

export function chargeObject(input: {
  id: string;
  paymentIntentId: string | null;
  amount: number;
  amountRefunded: number;
  currency: string;
}): Json {
  return {
    id: input.id,
    object: "charge",
    amount: input.amount,
    amount_captured: input.amount,
    amount_refunded: input.amountRefunded,
    captured: true,
    currency: input.currency.toLowerCase(),
    paid: true,
    payment_intent: input.paymentIntentId,
    refunded: input.amountRefunded >= input.amount,
    status: "succeeded",
  };
}

export function disputeObject(input: {
  id: string;
  chargeId: string;
  paymentIntentId: string | null;
  amount: number;
  currency: string;
  status: "needs_response" | "won" | "lost";
}): Json {
  return {
    id: input.id,
    object: "dispute",
    amount: input.amount,
    charge: input.chargeId,
    currency: input.currency.toLowerCase(),
    payment_intent: input.paymentIntentId,
    reason: "fraudulent",
    status: input.status,
  };
}

export function subscriptionObject(input: { id: string; metadata: Record<string, string> }): Json {
  return { id: input.id, object: "subscription", status: "canceled", ended_at: now(), metadata: input.metadata };
}

/** The raw body and Stripe-Signature header of one delivery, signed like Stripe signs it. */
export function signEvent(event: Json, secret: string): { payload: string; signature: string } {
  const payload = JSON.stringify(event, null, 2);
  const signature = new Stripe("sk_test_signing_only").webhooks.generateTestHeaderString({ payload, secret });
  return { payload, signature };
}
