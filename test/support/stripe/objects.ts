// Stripe objects and signed webhook deliveries for tests, the local Stripe-compatible server and
// the bench, built from Stripe's own example objects (fixtures.json, see README.md). A builder
// may only override fields the example has: naming a field Stripe does not send throws, so no
// test can pass on a shape Stripe never delivers.
import { randomBytes } from "node:crypto";
import Stripe from "stripe";
import fixtures from "./fixtures.json" with { type: "json" };

export type Json = Record<string, unknown>;
type Resource = keyof typeof fixtures.resources;

export function stripeId(prefix: string): string {
  return `${prefix}_test_${randomBytes(12).toString("hex")}`;
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

const isPlainObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Deep copy of `base` with `patch` applied; every patched key must exist in `base` (metadata is replaced whole). */
function overlay(base: Json, patch: Json, path: string, allowNew: readonly string[]): Json {
  const out: Json = structuredClone(base);
  for (const [key, value] of Object.entries(patch)) {
    const at = path ? `${path}.${key}` : key;
    if (!(key in base) && !allowNew.includes(at)) throw new Error(`Stripe's ${at} does not exist in the official object`);
    const current = base[key];
    out[key] =
      key !== "metadata" && isPlainObject(current) && isPlainObject(value) ? overlay(current, value, at, allowNew) : value;
  }
  return out;
}

/** Stripe's example `resource` with the scenario's fields set. */
export function fromFixture(resource: Resource, patch: Json, allowNew: readonly string[] = []): Json {
  return overlay(fixtures.resources[resource] as Json, patch, "", allowNew);
}

/** The untouched example object, e.g. for shape comparisons. */
export function officialObject(resource: Resource): Json {
  return structuredClone(fixtures.resources[resource] as Json);
}

export function eventOf(
  type: string,
  object: Json,
  options: { id?: string; created?: number; apiVersion?: string | null } = {},
): Json {
  const event = fromFixture("event", {
    id: options.id ?? stripeId("evt"),
    api_version: options.apiVersion === undefined ? Stripe.API_VERSION : options.apiVersion,
    created: options.created ?? nowSeconds(),
    pending_webhooks: 1,
    type,
  });
  return { ...event, data: { object } };
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
  paymentStatus?: "paid" | "unpaid" | "no_payment_required";
  status?: "open" | "complete" | "expired";
  successUrl?: string;
  cancelUrl?: string;
  url?: string | null;
};

export function checkoutSessionObject(input: SessionInput): Json {
  const paymentStatus = input.paymentStatus ?? "paid";
  return fromFixture("checkout.session", {
    id: input.id,
    amount_subtotal: input.amount,
    amount_total: input.amount,
    cancel_url: input.cancelUrl ?? null,
    client_reference_id: input.metadata.donationId ?? null,
    created: nowSeconds(),
    currency: input.currency.toLowerCase(),
    customer: input.mode === "subscription" ? stripeId("cus") : null,
    customer_details: input.email ? { email: input.email } : null,
    customer_email: input.email ?? null,
    expires_at: nowSeconds() + 24 * 3600,
    invoice: input.invoiceId ?? null,
    metadata: input.metadata,
    mode: input.mode,
    // A subscription's payment belongs to its invoice, not to the session.
    payment_intent: input.mode === "payment" ? (input.paymentIntentId ?? null) : null,
    payment_status: paymentStatus,
    status: input.status ?? "complete",
    subscription: input.subscriptionId ?? null,
    success_url: input.successUrl ?? null,
    url: input.url ?? null,
  });
}

export type InvoiceInput = {
  id: string;
  subscriptionId: string;
  amount: number;
  currency: string;
  billingReason: "subscription_create" | "subscription_cycle";
  metadata: Record<string, string>;
};

/** A paid subscription invoice as API versions since 2025-03-31 send it (no `payments`, no `subscription`). */
export function invoiceObject(input: InvoiceInput): Json {
  const paidAt = nowSeconds();
  return fromFixture("invoice", {
    id: input.id,
    amount_due: input.amount,
    amount_overpaid: 0,
    amount_paid: input.amount,
    amount_remaining: 0,
    attempt_count: 1,
    attempted: true,
    billing_reason: input.billingReason,
    created: paidAt,
    currency: input.currency.toLowerCase(),
    customer: stripeId("cus"),
    parent: {
      type: "subscription_details",
      quote_details: null,
      subscription_details: { metadata: input.metadata, subscription: input.subscriptionId },
    },
    status: "paid",
    status_transitions: { finalized_at: paidAt, paid_at: paidAt },
    subtotal: input.amount,
    subtotal_excluding_tax: input.amount,
    total: input.amount,
    total_excluding_tax: input.amount,
  });
}

/**
 * The same invoice as Stripe renders it for an endpoint on an API version before 2025-03-31:
 * the subscription, charge and payment intent at the top, no `parent`.
 */
export function legacyInvoiceObject(input: InvoiceInput & { paymentIntentId: string; chargeId: string }): Json {
  const legacy = invoiceObject(input);
  delete legacy.parent;
  return { ...legacy, subscription: input.subscriptionId, payment_intent: input.paymentIntentId, charge: input.chargeId, subscription_details: { metadata: input.metadata } };
}

export function invoicePaymentObject(input: { invoiceId: string; paymentIntentId: string; amount: number; currency: string }): Json {
  return fromFixture(
    "invoice_payment",
    {
      id: stripeId("inpay"),
      amount_paid: input.amount,
      amount_requested: input.amount,
      created: nowSeconds(),
      currency: input.currency.toLowerCase(),
      invoice: input.invoiceId,
      livemode: false,
      payment: { type: "payment_intent", payment_intent: input.paymentIntentId },
      status: "paid",
      status_transitions: { paid_at: nowSeconds() },
    },
    ["payment.payment_intent"],
  );
}

export function chargeObject(input: {
  id: string;
  paymentIntentId: string | null;
  amount: number;
  amountRefunded: number;
  currency: string;
  disputed?: boolean;
}): Json {
  return fromFixture("charge", {
    id: input.id,
    amount: input.amount,
    amount_captured: input.amount,
    amount_refunded: input.amountRefunded,
    captured: true,
    created: nowSeconds(),
    currency: input.currency.toLowerCase(),
    disputed: input.disputed ?? false,
    payment_intent: input.paymentIntentId,
    refunded: input.amountRefunded >= input.amount,
    status: "succeeded",
  });
}

export type DisputeStatus =
  | "warning_needs_response"
  | "warning_under_review"
  | "warning_closed"
  | "needs_response"
  | "under_review"
  | "won"
  | "lost"
  | "prevented";

export function disputeObject(input: {
  id: string;
  chargeId: string;
  paymentIntentId: string | null;
  amount: number;
  currency: string;
  status: DisputeStatus;
  created?: number;
}): Json {
  return fromFixture("dispute", {
    id: input.id,
    amount: input.amount,
    charge: input.chargeId,
    created: input.created ?? nowSeconds(),
    currency: input.currency.toLowerCase(),
    is_charge_refundable: input.status.startsWith("warning_"),
    payment_intent: input.paymentIntentId,
    status: input.status,
  });
}

export function refundObject(input: { chargeId: string; paymentIntentId: string; amount: number; currency: string }): Json {
  return fromFixture("refund", {
    id: stripeId("re"),
    amount: input.amount,
    charge: input.chargeId,
    created: nowSeconds(),
    currency: input.currency.toLowerCase(),
    payment_intent: input.paymentIntentId,
    reason: "requested_by_customer",
    status: "succeeded",
  });
}

export function subscriptionObject(input: { id: string; metadata: Record<string, string>; currency?: string }): Json {
  const ended = nowSeconds();
  return fromFixture("subscription", {
    id: input.id,
    canceled_at: ended,
    cancel_at: null,
    cancel_at_period_end: false,
    currency: (input.currency ?? "jpy").toLowerCase(),
    customer: stripeId("cus"),
    ended_at: ended,
    metadata: input.metadata,
    status: "canceled",
    trial_end: null,
    trial_start: null,
  });
}

/** The raw body and Stripe-Signature header of one delivery, signed like Stripe signs it. */
export function signEvent(event: Json, secret: string, timestamp?: number): { payload: string; signature: string } {
  const payload = JSON.stringify(event, null, 2);
  const signature = new Stripe("sk_test_signing_only").webhooks.generateTestHeaderString({ payload, secret, timestamp });
  return { payload, signature };
}

/** Objects of event types the webhook ignores (customer.created, payment_intent.created). */
export function customerObject(): Json {
  return fromFixture("customer", { id: stripeId("cus"), created: nowSeconds() });
}

export function paymentIntentObject(input: { amount: number; currency: string }): Json {
  return fromFixture("payment_intent", { id: stripeId("pi"), amount: input.amount, created: nowSeconds(), currency: input.currency.toLowerCase() });
}
