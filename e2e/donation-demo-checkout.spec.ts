// Without Stripe keys (the demo), gifts go through the built-in demo checkout, clearly marked,
// and are recorded by the same signed-webhook code path.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { freePort } from "../lib/db/embedded";
import { derivedSecret } from "../lib/env";
import { makeCampaign, makeDonation } from "../test/support/factories";
import { checkoutSessionObject, eventOf, signEvent, stripeId } from "../test/support/stripe/objects";
import { withDb } from "./fixtures/db";

let server: ChildProcess;
let base = "";

test.beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, APP_URL: base, DEMO_CHECKOUT: "1" };
  for (const key of ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_API_BASE"]) delete env[key];
  // `next start` is production: DEMO_CHECKOUT=1 is what allows the demo checkout there.
  server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], { env, stdio: "ignore" });
  await expect
    .poll(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status, { timeout: 30_000 })
    .toBe(200);
});

test.afterAll(() => {
  server?.kill("SIGTERM");
});

test.use({ extraHTTPHeaders: { "x-forwarded-for": `203.0.113.${Math.floor(Math.random() * 250) + 1}` } });

test("the demo checkout takes a ¥5,000 gift without real money and the totals follow", async ({ page }) => {
  const slug = `demo-${randomBytes(4).toString("hex")}`;
  const campaign = await withDb((db) =>
    db.campaign.create({ data: { slug, title: `Demo appeal ${slug}`, summary: "Demo.", goalAmount: 500_000n, currency: "JPY", status: "published" } }),
  );
  await page.goto(`${base}/campaigns/${slug}/donate`);
  await expect(page.getByText("Test mode: this site has no payment keys")).toBeVisible();
  await expect(page.getByTestId("raised")).toHaveText("¥0");
  await page.getByRole("radio", { name: "Other amount" }).check();
  await page.getByLabel(/Your amount \(JPY\)/).fill("5000");
  await page.getByRole("checkbox", { name: "Give anonymously" }).check();
  await page.getByRole("button", { name: "Continue to payment" }).click();

  await expect(page).toHaveURL(/\/demo-checkout\/cs_test_/);
  await expect(page.getByText("Test mode — no real money")).toBeVisible();
  expect(await withDb((db) => db.campaign.findUniqueOrThrow({ where: { id: campaign.id }, select: { raisedAmount: true } }))).toEqual({
    raisedAmount: 0n,
  });
  await page.getByRole("button", { name: "Pay ¥5,000 (test)" }).click();
  await expect(page.getByRole("heading", { name: "Thank you for your gift" })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId("confirmed-amount")).toHaveText("¥5,000");

  await page.goto(`${base}/campaigns/${slug}/donate`);
  await expect(page.getByTestId("raised")).toHaveText("¥5,000");
  await expect(page.getByTestId("donors")).toHaveText("1 donor");
  const stored = await withDb((db) =>
    db.donation.findMany({ where: { campaignId: campaign.id }, select: { status: true, amount: true, anonymous: true } }),
  );
  expect(stored).toEqual([{ status: "succeeded", amount: 5000n, anonymous: true }]);
});

/** A real pending gift with a checkout session id, as the donate form leaves it. */
async function pendingGift() {
  return withDb(async (db) => {
    const campaign = await makeCampaign(db);
    const sessionId = stripeId("cs");
    const donation = await makeDonation(db, campaign, { amount: 5000, status: "pending", stripeCheckoutSessionId: sessionId });
    return { campaign, donation, sessionId };
  });
}

const statusOf = (id: string) => withDb(async (db) => (await db.donation.findUniqueOrThrow({ where: { id }, select: { status: true } })).status);

test("with Stripe keys the demo checkout is off: a real pending gift's demo page is 404", async ({ page }) => {
  // The e2e app (baseURL) runs with Stripe keys and the local Stripe-compatible server.
  const gift = await pendingGift();
  const response = await page.goto(`/demo-checkout/${gift.sessionId}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("button", { name: /Pay .* \(test\)/ })).toHaveCount(0);
  expect(await statusOf(gift.donation.id)).toBe("pending");
});

test.describe("production without Stripe keys and without DEMO_CHECKOUT", () => {
  let off: ChildProcess;
  let offBase = "";

  test.beforeAll(async () => {
    const port = await freePort();
    offBase = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { ...process.env, APP_URL: offBase };
    for (const key of ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_API_BASE", "DEMO_CHECKOUT"]) delete env[key];
    off = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], { env, stdio: "ignore" });
    await expect
      .poll(async () => (await fetch(`${offBase}/api/health`).catch(() => null))?.status, { timeout: 30_000 })
      .toBe(200);
  });

  test.afterAll(() => {
    off?.kill("SIGTERM");
  });

  test("the demo checkout is 404 and the key derived from APP_SECRET opens nothing", async ({ page }) => {
    const gift = await pendingGift();
    expect((await page.goto(`${offBase}/demo-checkout/${gift.sessionId}`))?.status()).toBe(404);
    await page.goto(`${offBase}/campaigns/${gift.campaign.slug}/donate`);
    await expect(page.getByText("Online giving is not set up on this site yet.")).toBeVisible();
    await expect(page.getByText("Test mode")).toHaveCount(0);

    // What an attacker who guessed the demo's key would post: refused, nothing recorded.
    const session = checkoutSessionObject({
      id: gift.sessionId,
      mode: "payment",
      amount: 5000,
      currency: "jpy",
      metadata: { donationId: gift.donation.id, campaignId: gift.campaign.id },
      paymentIntentId: stripeId("pi"),
    });
    const { payload, signature } = signEvent(eventOf("checkout.session.completed", session), derivedSecret("test-webhook"));
    const delivered = await fetch(`${offBase}/api/stripe/webhook`, {
      method: "POST",
      body: payload,
      headers: { "stripe-signature": signature, "content-type": "application/json" },
    });
    expect(delivered.status).toBe(400);
    expect(await statusOf(gift.donation.id)).toBe("pending");
  });
});
