// Without Stripe keys (the demo), gifts go through the built-in demo checkout, clearly marked,
// and are recorded by the same signed-webhook code path.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { freePort } from "../lib/db/embedded";
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
