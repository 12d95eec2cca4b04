import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { SITE_TIME_ZONE } from "./e2e/fixtures/site";
import { urlViaProxy } from "./lib/db/connect-target";

// Playwright never downloads a browser here: it drives an installed Chromium.
const chromium = process.env.PLAYWRIGHT_CHROMIUM ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  throw new Error(
    `No Chromium at ${chromium}: install it (sudo apt-get install -y chromium) or set PLAYWRIGHT_CHROMIUM.`,
  );
}

const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://127.0.0.1:${port}`;
// The local Stripe-compatible server (test/support/stripe-server.ts) the app's Stripe SDK talks to.
const stripePort = Number(process.env.E2E_STRIPE_PORT ?? port + 2);
export const stripeBase = `http://127.0.0.1:${stripePort}`;
const stripeWebhookSecret = "whsec_e2e_local_only";
// The app reaches PostgreSQL through a statement counter (test/support/statement-counter.ts) that
// e2e/query-count.spec.ts reads: the app itself has no test-only code or routes.
const counterPgPort = port + 3;
export const counterBase = `http://127.0.0.1:${port + 4}`;
function throughCounter(databaseUrl: string | undefined): string | undefined {
  return databaseUrl ? urlViaProxy(databaseUrl, counterPgPort) : undefined;
}

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: [
    {
      command: "npx tsx test/support/stripe-server.ts",
      url: `${stripeBase}/__health`,
      timeout: 30_000,
      reuseExistingServer: false,
      env: {
        STRIPE_FAKE_PORT: String(stripePort),
        STRIPE_WEBHOOK_SECRET: stripeWebhookSecret,
        APP_WEBHOOK_URL: `${baseURL}/api/stripe/webhook`,
      },
    },
    {
      command: "npx tsx test/support/statement-counter-server.ts",
      url: `${counterBase}/health`,
      timeout: 30_000,
      reuseExistingServer: false,
      env: {
        COUNTER_TARGET_URL: process.env.DATABASE_URL ?? "",
        COUNTER_PG_PORT: String(counterPgPort),
        COUNTER_HTTP_PORT: String(port + 4),
      },
    },
    {
      // The same start script a newcomer runs: migrations are applied, the build is reused when current.
      command: "npx tsx scripts/start.ts",
      url: `${baseURL}/api/health`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        PORT: String(port),
        APP_URL: baseURL,
        NEXT_TELEMETRY_DISABLED: "1",
        // Not UTC, so every dashboard date and time is checked through the site time zone.
        SITE_TIME_ZONE,
        STRIPE_SECRET_KEY: "sk_test_e2e_local_only",
        STRIPE_WEBHOOK_SECRET: stripeWebhookSecret,
        STRIPE_API_BASE: stripeBase,
        ...(process.env.DATABASE_URL ? { DATABASE_URL: throughCounter(process.env.DATABASE_URL) } : {}),
      },
    },
  ],
});
