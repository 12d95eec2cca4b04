// Issue 13, bug 3: a webhook endpoint set to an API version before 2025-03-31 sends invoice.paid
// with the subscription at the top and no `parent`; it was answered 200 and the renewal dropped.
// Now an event the app cannot read is refused (500, so Stripe retries after the endpoint is fixed),
// written nowhere but the refusal count, and reported: the log, /api/health for admins, the dashboard.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { makeCampaign, makeDonation, makeUser } from "@/test/support/factories";
import * as stripe from "@/test/support/stripe/objects";
import { postSignedEvent } from "@/test/support/webhook-delivery";

vi.mock("@/lib/cache", () => ({ CACHE_TAGS: { campaigns: "campaigns", posts: "posts" }, invalidate: vi.fn() }));
let signedIn: { userId: string; sessionVersion: number } | null = null;
vi.mock("@/lib/auth/session-claims", () => ({ readSessionClaims: async () => signedIn }));
vi.mock("next/server", () => ({ connection: async () => undefined }));

const { POST } = await import("@/app/api/stripe/webhook/route");
const { GET: health } = await import("@/app/api/health/route");
const { db } = await import("@/lib/db");
const { derivedSecret } = await import("@/lib/env");
const { getWebhookHealth } = await import("./staff-webhook-health");
const { HANDLED_EVENTS } = await import("./events/shapes");
const { PINNED_API_VERSION } = await import("./api-version");

const secret = derivedSecret("test-webhook");
const deliver = (event: stripe.Json) => postSignedEvent(POST, event, secret);
const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);

afterAll(() => db.$disconnect());

/** A monthly gift already paid, and a renewal invoice for it. */
async function monthlyGift() {
  const campaign = await makeCampaign(db, { goalAmount: 1_000_000n });
  const subscriptionId = stripe.stripeId("sub");
  const original = await makeDonation(db, campaign, { amount: 2_000, frequency: "monthly", stripeSubscriptionId: subscriptionId, donorEmail: "m@example.org" });
  const renewal = {
    id: stripe.stripeId("in"),
    subscriptionId,
    amount: 2_000,
    currency: "jpy",
    billingReason: "subscription_cycle" as const,
    metadata: { donationId: original.id, campaignId: campaign.id },
  };
  const gifts = () => db.donation.count({ where: { campaignId: campaign.id } });
  return { campaign, renewal, gifts };
}

describe("Stripe API versions", () => {
  it("refuses a renewal from an endpoint on 2024-06-20 (500, nothing written, reported), and records it once resent on the pinned version", async () => {
    const { renewal, gifts } = await monthlyGift();
    const legacy = stripe.eventOf(
      "invoice.paid",
      stripe.legacyInvoiceObject({ ...renewal, paymentIntentId: stripe.stripeId("pi"), chargeId: stripe.stripeId("ch") }),
      { apiVersion: "2024-06-20" },
    );
    errors.mockClear();
    expect(await deliver(legacy)).toBe(500);
    expect(await gifts()).toBe(1);
    expect(await db.stripeEvent.count({ where: { id: String(legacy.id) } })).toBe(0);
    expect(errors.mock.calls.flat().join(" ")).toMatch(/REFUSED .*invoice\.paid.*API version 2024-06-20 is not supported/);

    const admin = await makeUser(db, "admin");
    const { refusals } = await getWebhookHealth(admin);
    expect(refusals.find((r) => r.apiVersion === "2024-06-20")).toMatchObject({ reason: "api_version", lastEventType: "invoice.paid" });

    // The NGO sets the endpoint to the pinned version; Stripe's retry now renders the new shape.
    const current = stripe.eventOf("invoice.paid", stripe.invoiceObject(renewal), { id: String(legacy.id) });
    expect(await deliver(current)).toBe(200);
    expect(await gifts()).toBe(2);
  });

  it("refuses events of a version newer than the SDK's, and ignores unhandled types whatever their version", async () => {
    const { renewal, gifts } = await monthlyGift();
    expect(await deliver(stripe.eventOf("invoice.paid", stripe.invoiceObject(renewal), { apiVersion: "2099-01-01.future" }))).toBe(500);
    expect(await deliver(stripe.eventOf("invoice.paid", stripe.invoiceObject(renewal), { apiVersion: null }))).toBe(500);
    expect(await gifts()).toBe(1);
    expect(await deliver(stripe.eventOf("customer.created", stripe.customerObject(), { apiVersion: "2020-08-27" }))).toBe(200);
  });

  it("refuses a supported version's event that lacks a field the handlers read, as unreadable", async () => {
    const { renewal, gifts } = await monthlyGift();
    const invoice = stripe.invoiceObject(renewal);
    delete invoice.status_transitions;
    expect(await deliver(stripe.eventOf("invoice.paid", invoice))).toBe(500);
    expect(await gifts()).toBe(1);
    const admin = await makeUser(db, "admin");
    const { refusals } = await getWebhookHealth(admin);
    expect(refusals.find((r) => r.reason === "unreadable")).toMatchObject({ apiVersion: stripe.eventOf("x", {}).api_version });
  });

  it("/api/health shows refusals to a signed-in admin only", async () => {
    const { renewal } = await monthlyGift();
    await deliver(stripe.eventOf("invoice.paid", stripe.invoiceObject(renewal), { apiVersion: "2025-02-24.acacia" }));
    const read = async () => (await (await health()).json()) as { status: string; details?: { stripeWebhook: { refusals: { apiVersion: string }[] } } };

    signedIn = null;
    expect(await read()).toEqual({ status: "ok", database: "up" });
    const coordinator = await makeUser(db, "coordinator");
    signedIn = { userId: coordinator.id, sessionVersion: 0 };
    expect(await read()).toEqual({ status: "ok", database: "up" });
    const admin = await makeUser(db, "admin");
    signedIn = { userId: admin.id, sessionVersion: 0 };
    const body = await read();
    expect(body.status).toBe("ok");
    expect(body.details?.stripeWebhook.refusals.map((r) => r.apiVersion)).toContain("2025-02-24.acacia");
  });
});

it("the README's webhook set-up names the API version to choose and every event the app handles", () => {
  const readme = readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8");
  const setUp = readme.slice(readme.indexOf("**Keys.**"), readme.indexOf("**Disputes.**"));
  expect(setUp).toContain(`API version \`${PINNED_API_VERSION}\``);
  for (const type of HANDLED_EVENTS) expect(setUp, type).toContain(`\`${type}\``);
});
