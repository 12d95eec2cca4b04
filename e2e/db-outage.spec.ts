// When the database goes away the site says so politely, and it recovers on its own.
import { spawn, type ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { connectTarget, urlViaProxy } from "../lib/db/connect-target";
import { CuttableProxy } from "../test/support/cuttable-proxy";

let proxy: CuttableProxy;
let server: ChildProcess;
const port = Number(process.env.E2E_OUTAGE_PORT ?? 3101);
const base = `http://127.0.0.1:${port}`;

test.beforeAll(async () => {
  const databaseUrl = process.env.DATABASE_URL ?? "";
  proxy = await CuttableProxy.start(connectTarget(databaseUrl));
  server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    env: { ...process.env, DATABASE_URL: urlViaProxy(databaseUrl, proxy.port), APP_URL: base },
    stdio: "ignore",
  });
  await expect
    .poll(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status, { timeout: 30_000 })
    .toBe(200);
});

test.afterAll(async () => {
  server?.kill("SIGTERM");
  await proxy?.close();
});

test("health and pages report an outage, then recover without a restart", async ({ page }) => {
  await page.goto(`${base}/`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  proxy.cut();
  const down = await fetch(`${base}/api/health`);
  expect(down.status).toBe(503);
  const body = await down.text();
  expect(JSON.parse(body)).toEqual({ status: "error", database: "down" });
  expect(body).not.toMatch(/at .*\.js|Error:/);

  // Public reads are cached, so a page already rendered may keep being served from the cache
  // (which is the point); a page whose data is not cached yet must fail politely.
  const uncached = `${base}/campaigns/outage-${Date.now().toString(36)}`;
  await page.goto(uncached);
  await expect(page.getByRole("heading", { name: "This page is resting for a moment" })).toBeVisible();

  proxy.restore();
  await expect.poll(async () => (await fetch(`${base}/api/health`)).status, { timeout: 20_000 }).toBe(200);
  await page.goto(uncached);
  await expect(page.getByRole("heading", { name: "This page is resting for a moment" })).toHaveCount(0);
});
