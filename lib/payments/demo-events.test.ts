// The demo checkout builds its own events (production code must not load test fixtures). They
// must look like Stripe's: every field they carry exists in Stripe's example object, and the
// fields the handlers read (the zod shapes in events/shapes.ts) have the same types as in an
// event built from Stripe's example for the same gift.
import { describe, expect, it } from "vitest";
import * as official from "@/test/support/stripe/objects";
import { demoCharge, demoCheckoutSession, demoEvent, demoInvoice, stripeId } from "./demo-events";
import { handledEventShape } from "./events/shapes";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Paths in `ours` that Stripe's object does not have (metadata's keys are free). */
function unknownFields(ours: Json, stripes: Json, path = ""): string[] {
  return Object.entries(ours).flatMap(([key, value]) => {
    const at = path ? `${path}.${key}` : key;
    if (!(key in stripes)) return [at];
    const theirs = stripes[key];
    return key !== "metadata" && isObject(value) && isObject(theirs) ? unknownFields(value, theirs, at) : [];
  });
}

/** Each field's JSON type, for what a handler reads. */
function typesOf(value: unknown): unknown {
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typesOf(v)]));
  return value === null ? "null" : typeof value;
}

const ids = { sessionId: stripeId("cs"), pi: stripeId("pi"), sub: stripeId("sub"), inv: stripeId("in"), ch: stripeId("ch") };
const metadata = { donationId: "don_1", campaignId: "cam_1" };

const cases: { name: string; resource: "checkout.session" | "invoice" | "charge"; ours: Json; stripes: Json }[] = [
  {
    name: "checkout.session.completed (one-time gift)",
    resource: "checkout.session",
    ours: demoEvent("checkout.session.completed", demoCheckoutSession({ id: ids.sessionId, mode: "payment", amount: 5000, currency: "JPY", metadata, paymentIntentId: ids.pi, subscriptionId: null, invoiceId: null, email: "d@example.org" })),
    stripes: official.eventOf("checkout.session.completed", official.checkoutSessionObject({ id: ids.sessionId, mode: "payment", amount: 5000, currency: "JPY", metadata, paymentIntentId: ids.pi, email: "d@example.org" })),
  },
  {
    name: "checkout.session.completed (monthly gift)",
    resource: "checkout.session",
    ours: demoEvent("checkout.session.completed", demoCheckoutSession({ id: ids.sessionId, mode: "subscription", amount: 3000, currency: "JPY", metadata, paymentIntentId: ids.pi, subscriptionId: ids.sub, invoiceId: ids.inv, email: null })),
    stripes: official.eventOf("checkout.session.completed", official.checkoutSessionObject({ id: ids.sessionId, mode: "subscription", amount: 3000, currency: "JPY", metadata, subscriptionId: ids.sub, invoiceId: ids.inv, email: null })),
  },
  {
    name: "invoice.paid (first invoice of a monthly gift)",
    resource: "invoice",
    ours: demoEvent("invoice.paid", demoInvoice({ id: ids.inv, subscriptionId: ids.sub, amount: 3000, currency: "JPY", metadata })),
    stripes: official.eventOf("invoice.paid", official.invoiceObject({ id: ids.inv, subscriptionId: ids.sub, amount: 3000, currency: "JPY", billingReason: "subscription_create", metadata })),
  },
  {
    name: "charge.refunded (a partial refund)",
    resource: "charge",
    ours: demoEvent("charge.refunded", demoCharge({ id: ids.ch, paymentIntentId: ids.pi, amount: 5000, amountRefunded: 187, currency: "JPY" })),
    stripes: official.eventOf("charge.refunded", official.chargeObject({ id: ids.ch, paymentIntentId: ids.pi, amount: 5000, amountRefunded: 187, currency: "JPY" })),
  },
];

describe.each(cases)("the demo checkout's $name", ({ resource, ours, stripes }) => {
  it("carries only fields Stripe's example object has", () => {
    const { data, ...envelope } = ours;
    expect(unknownFields(envelope, official.eventOf("x", {}))).toEqual([]);
    expect(unknownFields((data as { object: Json }).object, official.officialObject(resource))).toEqual([]);
  });

  it("has the fields the handlers read, with Stripe's types", () => {
    const read = (event: Json) => typesOf(handledEventShape.parse(event));
    expect(read(ours)).toEqual(read(stripes));
  });
});

it("the yardstick itself refuses a field Stripe never sends in a webhook (an invoice's payments)", () => {
  const invoice = demoInvoice({ id: ids.inv, subscriptionId: ids.sub, amount: 3000, currency: "JPY", metadata });
  expect(unknownFields({ ...invoice, payments: { object: "list", data: [] } }, official.officialObject("invoice"))).toEqual(["payments"]);
  expect(() => official.fromFixture("invoice", { payments: { object: "list", data: [] } })).toThrow(/invoice|payments/);
});
