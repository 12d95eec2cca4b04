// The demo checkout marks gifts paid without money. It may run only where no real payments can
// be taken: no Stripe keys, and in production only with DEMO_CHECKOUT=1. Everywhere else it is off
// and the key it signs with (derived from APP_SECRET) opens nothing: the webhook refuses events
// signed with it (issue 20, item 9). Each configuration gets freshly imported modules.
import { afterAll, describe, expect, it, vi } from "vitest";
import { makeCampaign, makeDonation } from "@/test/support/factories";
import * as stripe from "@/test/support/stripe/objects";
import { postSignedEvent } from "@/test/support/webhook-delivery";

vi.mock("@/lib/cache", () => ({ CACHE_TAGS: { campaigns: "campaigns", posts: "posts" }, invalidate: vi.fn() }));

type Config = { name: string; env: Record<string, string>; enabled: boolean };

const STRIPE = { STRIPE_SECRET_KEY: "sk_test_guard_only", STRIPE_WEBHOOK_SECRET: "whsec_guard_only" };
const NO_STRIPE = { STRIPE_SECRET_KEY: "", STRIPE_WEBHOOK_SECRET: "" };
const CONFIGS: Config[] = [
  { name: "development without Stripe keys", env: { NODE_ENV: "development", DEMO_CHECKOUT: "", ...NO_STRIPE }, enabled: true },
  { name: "production without Stripe keys, DEMO_CHECKOUT=1", env: { NODE_ENV: "production", DEMO_CHECKOUT: "1", ...NO_STRIPE }, enabled: true },
  { name: "development with Stripe keys", env: { NODE_ENV: "development", DEMO_CHECKOUT: "", ...STRIPE }, enabled: false },
  { name: "production with Stripe keys, even with DEMO_CHECKOUT=1", env: { NODE_ENV: "production", DEMO_CHECKOUT: "1", ...STRIPE }, enabled: false },
  { name: "production without Stripe keys or DEMO_CHECKOUT", env: { NODE_ENV: "production", DEMO_CHECKOUT: "", ...NO_STRIPE }, enabled: false },
];

const clients = new Set<{ $disconnect(): Promise<void> }>();
afterAll(async () => {
  vi.unstubAllEnvs();
  for (const client of clients) await client.$disconnect();
});

async function load(config: Config) {
  vi.unstubAllEnvs();
  for (const [key, value] of Object.entries(config.env)) vi.stubEnv(key, value);
  vi.resetModules();
  const modules = {
    stripe: await import("./stripe"),
    demo: await import("./demo-checkout"),
    checkout: await import("./checkout"),
    route: await import("@/app/api/stripe/webhook/route"),
    env: await import("@/lib/env"),
    db: (await import("@/lib/db")).db,
  };
  clients.add(modules.db);
  return modules;
}

describe.each(CONFIGS)("$name", (config) => {
  it(config.enabled ? "runs the demo checkout and accepts its signed events" : "switches the demo checkout off: no page, no payment, no signing key", async () => {
    const m = await load(config);
    expect(m.stripe.demoCheckoutEnabled()).toBe(config.enabled);
    const campaign = await makeCampaign(m.db);
    const pending = async () => {
      const sessionId = stripe.stripeId("cs");
      const donation = await makeDonation(m.db, campaign, { amount: 5_000, status: "pending", stripeCheckoutSessionId: sessionId });
      return { sessionId, donation, status: async () => (await m.db.donation.findUniqueOrThrow({ where: { id: donation.id } })).status };
    };

    // Paying through the demo checkout (what its page's button does).
    const byButton = await pending();
    if (config.enabled) {
      await expect(m.demo.payDemoCheckout(byButton.sessionId)).resolves.toBe(campaign.slug);
      expect(await byButton.status()).toBe("succeeded");
    } else {
      await expect(m.demo.payDemoCheckout(byButton.sessionId)).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await byButton.status()).toBe("pending");
    }

    // A completion signed with the demo's key, posted to the public webhook.
    const forged = await pending();
    const session = stripe.checkoutSessionObject({
      id: forged.sessionId,
      mode: "payment",
      amount: 5_000,
      currency: "jpy",
      metadata: { donationId: forged.donation.id, campaignId: campaign.id },
      paymentIntentId: stripe.stripeId("pi"),
    });
    const status = await postSignedEvent(m.route.POST, stripe.eventOf("checkout.session.completed", session), m.env.derivedSecret("test-webhook"));
    expect(status).toBe(config.enabled ? 200 : 400);
    expect(await forged.status()).toBe(config.enabled ? "succeeded" : "pending");
    if (!config.enabled && !config.env.STRIPE_SECRET_KEY) {
      expect(m.stripe.webhookSecret()).toBeNull();
      // Nothing to pay with at all: the donate form says so instead of starting a checkout.
      const gift = { gift: 5_000n, charged: 5_000n, coverFees: false, frequency: "once" as const, anonymous: false, displayName: null, message: null, donorEmail: null };
      await expect(m.checkout.startCheckout(campaign, gift)).rejects.toMatchObject({ code: "PAYMENT_PROVIDER" });
    }
  });
});
