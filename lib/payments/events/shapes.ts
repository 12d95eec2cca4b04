// The fields of Stripe's webhook objects that the handlers read, checked at run time. A payload
// follows the webhook endpoint's API version, not the SDK's types: whatever does not parse here is
// refused (and reported) before anything is written, instead of being read as `undefined`.
// These schemas are also the yardstick for the demo checkout's events (demo-events.test.ts).
import { z } from "zod";

/** An expandable reference: Stripe sends an id, or the object when expanded. */
const ref = z.union([z.string(), z.object({ id: z.string() })]).transform((v) => (typeof v === "string" ? v : v.id));
const amount = z.number().int().nonnegative();
const metadata = z.record(z.string(), z.string());

export const checkoutSessionShape = z.object({
  id: z.string(),
  object: z.literal("checkout.session"),
  amount_total: amount.nullable(),
  currency: z.string().nullable(),
  customer_details: z.object({ email: z.string().nullable() }).nullable(),
  invoice: ref.nullable(),
  metadata: metadata.nullable(),
  mode: z.string(),
  payment_intent: ref.nullable(),
  payment_status: z.string(),
  subscription: ref.nullable(),
});

/** API versions since 2025-03-31: the subscription is under `parent`; there is no top-level `subscription`. */
export const invoiceShape = z.object({
  id: z.string(),
  object: z.literal("invoice"),
  amount_paid: amount,
  billing_reason: z.string().nullable(),
  currency: z.string(),
  parent: z
    .object({
      subscription_details: z.object({ metadata: metadata.nullable(), subscription: ref }).nullable(),
    })
    .nullable(),
  status_transitions: z.object({ paid_at: z.number().int().nullable() }),
});

export const chargeShape = z.object({
  id: z.string(),
  object: z.literal("charge"),
  amount,
  amount_refunded: amount,
  currency: z.string(),
  payment_intent: ref.nullable(),
});

export const disputeShape = z.object({
  id: z.string(),
  object: z.literal("dispute"),
  amount,
  charge: ref,
  created: z.number().int(),
  currency: z.string(),
  payment_intent: ref.nullable(),
  status: z.string(),
});

export const subscriptionShape = z.object({
  id: z.string(),
  object: z.literal("subscription"),
  ended_at: z.number().int().nullable(),
  metadata: metadata.nullable(),
});

function envelope<const T extends readonly [string, ...string[]], S extends z.ZodType>(types: T, object: S) {
  return z.object({
    id: z.string().min(1).max(255),
    type: z.enum(types),
    created: z.number().int(),
    data: z.object({ object }),
  });
}

export const handledEventShape = z.discriminatedUnion("type", [
  envelope(
    [
      "checkout.session.completed",
      "checkout.session.async_payment_succeeded",
      "checkout.session.async_payment_failed",
      "checkout.session.expired",
    ],
    checkoutSessionShape,
  ),
  envelope(["invoice.paid"], invoiceShape),
  envelope(["charge.refunded"], chargeShape),
  envelope(["charge.dispute.created", "charge.dispute.updated", "charge.dispute.closed"], disputeShape),
  envelope(["customer.subscription.deleted"], subscriptionShape),
]);

export type HandledEvent = z.infer<typeof handledEventShape>;
export type EventOf<T extends HandledEvent["type"]> = Extract<HandledEvent, { type: T }>;
export type HandledType = HandledEvent["type"];

export const HANDLED_EVENTS: readonly HandledType[] = handledEventShape.options.flatMap((o) => o.shape.type.options);

export function isHandledType(type: string): type is HandledType {
  return (HANDLED_EVENTS as readonly string[]).includes(type);
}
