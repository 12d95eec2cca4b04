// The database goes away in the middle of a webhook burst and comes back. The app's Prisma client
// (and the rate limiters' pools) in this process reach PostgreSQL through a proxy the test cuts;
// deliveries during the outage must be refused (5xx, Stripe retries), never acknowledged without
// being recorded, and the same process must recover without a restart.
import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { postSignedEvent } from "@/test/support/webhook-delivery";
import { CuttableProxy } from "@/test/support/cuttable-proxy";
import { connectTarget, urlViaProxy } from "@/lib/db/connect-target";
import { PrismaClient } from "@/lib/generated/prisma/client";
import {
  deliverUntilAccepted,
  donorPool,
  planBurst,
  randomGift,
  type Burst,
} from "@/test/support/webhook-burst";
import { startFakeStripe } from "@/test/support/stripe-server";

vi.mock("@/lib/cache", () => ({
  CACHE_TAGS: { campaigns: "campaigns", posts: "posts" },
  invalidate: vi.fn(),
}));

const APP_NAME = `sp_outage_${randomBytes(3).toString("hex")}`;
const directUrl = process.env.DATABASE_URL ?? "";
const proxy = await CuttableProxy.start(connectTarget(directUrl));
const viaProxy = new URL(urlViaProxy(directUrl, proxy.port));
viaProxy.searchParams.set("application_name", APP_NAME);
// lib/env reads the environment when first imported: from here on the app talks through the proxy.
process.env.DATABASE_URL = viaProxy.toString();
// Renewals' payment intents come from the local Stripe-compatible server, as from Stripe's API.
const secret = "whsec_outage_only";
const stripe = await startFakeStripe({ secret, deliver: async () => 503 });
vi.stubEnv("STRIPE_SECRET_KEY", "sk_test_outage_only");
vi.stubEnv("STRIPE_WEBHOOK_SECRET", secret);
vi.stubEnv("STRIPE_API_BASE", stripe.base);

const { POST } = await import("@/app/api/stripe/webhook/route");
const { db } = await import("@/lib/db");
const { consume } = await import("@/lib/rate-limit");
const { isSignInBlocked } = await import("@/lib/auth/sign-in-limits");

// Seeding and checking go around the proxy, so they work while the app's path is cut.
const direct = new PrismaClient({ adapter: new PrismaPg({ connectionString: directUrl }) });
const uncaught: unknown[] = [];
const onUncaught = (error: unknown) => uncaught.push(error);

beforeAll(() => {
  // Refused deliveries log on purpose; the figures are asserted below.
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
  vi.spyOn(console, "error").mockImplementation(() => undefined);
  process.on("uncaughtException", onUncaught);
});

afterAll(async () => {
  process.off("uncaughtException", onUncaught);
  process.env.DATABASE_URL = directUrl;
  await db.$disconnect();
  await direct.$disconnect();
  await proxy.close();
  await stripe.close();
});

const deliver = (event: Record<string, unknown>) => postSignedEvent(POST, event, secret);

async function seedBurst(gifts: number): Promise<{ burst: Burst; campaignIds: string[] }> {
  const tag = randomBytes(3).toString("hex");
  const campaignIds = [1, 2, 3].map((n) => `outage_${tag}_${n}`);
  await direct.campaign.createMany({
    data: campaignIds.map((id) => ({
      id,
      slug: id.replaceAll("_", "-"),
      title: "Outage",
      summary: "-",
      goalAmount: 10_000_000n,
      currency: "JPY",
      status: "published" as const,
    })),
  });
  const donors = donorPool(30);
  // One statement with our own ids: the embedded PostgreSQL (PGlite) mixes up answers to
  // many concurrent inserts, and the burst is what this test is about, not the seeding.
  const planned = Array.from({ length: gifts }, () => ({
    ...randomGift(campaignIds, donors),
    id: `gift_${randomBytes(10).toString("hex")}`,
  }));
  await direct.donation.createMany({
    data: planned.map((gift) => ({
      ...gift,
      currency: "JPY",
      status: "pending" as const,
      receiptToken: randomBytes(24).toString("base64url"),
    })),
  });
  const burst = planBurst(planned);
  for (const [invoiceId, payment] of burst.invoicePayments) stripe.invoicePayments.set(invoiceId, payment);
  return { burst, campaignIds };
}

async function expectExactly(burst: Burst, campaignIds: string[]): Promise<void> {
  const stored = await direct.campaign.findMany({
    where: { id: { in: campaignIds } },
    select: { id: true, raisedAmount: true, donorCount: true },
  });
  for (const { id, ...totals } of stored) {
    expect(totals, id).toEqual(burst.expected.get(id) ?? { raisedAmount: 0n, donorCount: 0 });
  }
  expect(await direct.donation.count({ where: { campaignId: { in: campaignIds } } })).toBe(
    burst.donationCount,
  );
  const eventIds = burst.events.map((e) => String(e.id));
  expect(await direct.stripeEvent.count({ where: { id: { in: eventIds } } })).toBe(eventIds.length);
}

// PGlite serves every connection from one embedded session: dropping one client mid-query breaks
// the others' prepared statements (test files running beside this one included), so an outage of
// the app's connections alone cannot be staged there. CI runs against a real PostgreSQL server.
const realServer = Boolean(process.env.TEST_DATABASE_URL);

describe.skipIf(!realServer)("webhook deliveries through a database outage (real PostgreSQL only)", () => {
  it("refuses deliveries while the database is cut, then records every event exactly once", async () => {
    const { burst, campaignIds } = await seedBurst(50);
    // Idle connections in the rate limiters' pools too: the cut kills them.
    expect((await consume("checkout", `outage-${APP_NAME}`)).ok).toBe(true);
    expect(await isSignInBlocked(`${APP_NAME}@example.org`, "192.0.2.1")).toBe(false);

    let answered = 0;
    let phase: "before" | "down" | "after" = "before";
    const duringOutage: { id: string; status: number }[] = [];
    const restore = () => {
      if (phase !== "down") return;
      proxy.restore();
      phase = "after";
    };
    const { left, stats } = await deliverUntilAccepted(
      burst.deliveries,
      async (event) => {
        const status = await deliver(event);
        answered += 1;
        if (phase === "down") {
          duringOutage.push({ id: String(event.id), status });
          if (duringOutage.length >= 30) restore();
        }
        if (phase === "before" && answered === 30) {
          proxy.cut();
          phase = "down";
        }
        return status;
      },
      { concurrency: 20, maxRounds: 12, betweenRounds: async () => restore() },
    );
    console.info(
      `outage: ${burst.events.length} events, ${burst.deliveries.length} deliveries, cut after 30 answers, ` +
        `${duringOutage.length} answered during the cut (${duringOutage.filter((d) => d.status >= 500).length} refused), ` +
        `${stats.rounds} rounds, statuses ${JSON.stringify(stats.statuses)}`,
    );
    expect(left).toEqual([]);
    const refused = duringOutage.filter((d) => d.status >= 500);
    expect(refused.length).toBeGreaterThan(0);
    // An acknowledged delivery is a recorded one, outage or not.
    const acknowledged = duringOutage.filter((d) => d.status < 300).map((d) => d.id);
    expect(await direct.stripeEvent.count({ where: { id: { in: acknowledged } } })).toBe(
      new Set(acknowledged).size,
    );
    expect(duringOutage.every((d) => d.status === 200 || d.status >= 500)).toBe(true);
    await expectExactly(burst, campaignIds);

    // The same process, no restart: limits and sign-in checks work again.
    expect((await consume("checkout", `outage-${APP_NAME}`)).ok).toBe(true);
    expect(await isSignInBlocked(`${APP_NAME}@example.org`, "192.0.2.1")).toBe(false);
    expect(uncaught).toEqual([]);
  }, 90_000);

  it("survives pg_terminate_backend on every app connection mid-burst", async () => {
    const { burst, campaignIds } = await seedBurst(40);
    const admin = new pg.Client({ connectionString: directUrl });
    await admin.connect();
    const terminated: number[] = [];
    try {
      let answered = 0;
      const kill = async () => {
        // Two statements: in one WHERE clause the planner may call pg_terminate_backend before
        // the application_name filter, ending every session on the server.
        const { rows } = await admin.query<{ pid: number }>(
          "SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()",
          [APP_NAME],
        );
        for (const { pid } of rows) await admin.query("SELECT pg_terminate_backend($1)", [pid]);
        terminated.push(rows.length);
      };
      await consume("checkout", `terminate-${APP_NAME}`);
      const { left, stats } = await deliverUntilAccepted(
        burst.deliveries,
        async (event) => {
          const status = await deliver(event);
          answered += 1;
          if (answered === 25 || answered === 60) await kill();
          return status;
        },
        { concurrency: 20, maxRounds: 12 },
      );
      await kill(); // idle connections of the rate limiters' pools, between requests
      console.info(
        `terminate: ${burst.deliveries.length} deliveries, backends terminated ${JSON.stringify(terminated)}, ` +
          `${stats.rounds} rounds, statuses ${JSON.stringify(stats.statuses)}`,
      );
      expect(left).toEqual([]);
      expect(terminated.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      await expectExactly(burst, campaignIds);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await consume("checkout", `terminate-${APP_NAME}`)).ok).toBe(true);
      expect(await isSignInBlocked(`${APP_NAME}@example.org`, "192.0.2.1")).toBe(false);
      expect(uncaught).toEqual([]);
    } finally {
      await admin.end();
    }
  }, 90_000);
});
