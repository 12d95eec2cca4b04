// The overview's figures come from the campaigns' denormalised totals and index ranges instead
// of a scan of every donation; they must still equal what the donations say. Each test uses its
// own made-up currency code, so other tests' donations in the shared database do not count.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { refreshCampaignTotals } from "@/lib/donations/totals";
import { makeCampaign, makeUser } from "@/test/support/factories";
import { getDailyDonationCounts, getRaisedTotals } from "./staff-overview";

let admin: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  admin = await makeUser(db, "admin");
});
afterAll(() => db.$disconnect());

const letters = () => Array.from(randomBytes(2), (b) => String.fromCharCode(65 + (b % 26))).join("");
const DAY = 86_400_000;

const campaignIn = (currency: string) => makeCampaign(db, { currency });

type Gift = { amount: number; refunded?: number; withheld?: number; status: "succeeded" | "refunded" | "pending" | "disputed" | "failed"; method?: "card" | "bank_transfer" | "cash"; receivedAt: Date };

async function give(campaignId: string, currency: string, gifts: Gift[]) {
  await db.donation.createMany({
    data: gifts.map((g) => ({
      campaignId,
      currency,
      amount: g.amount,
      refundedAmount: g.refunded ?? 0,
      withheldAmount: g.withheld ?? 0,
      status: g.status,
      method: g.method ?? "card",
      receivedAt: g.receivedAt,
      receiptToken: randomBytes(16).toString("hex"),
    })),
  });
  await db.$transaction((tx) => refreshCampaignTotals(tx, campaignId));
}

describe("dashboard overview", () => {
  it("sums net gifts per currency: all time, this month and offline, without pending, failed or disputed amounts", async () => {
    const currency = `X${letters()}`;
    const now = new Date();
    const longAgo = new Date(now.getTime() - 70 * DAY);
    const [a, b] = [await campaignIn(currency), await campaignIn(currency)];
    await give(a.id, currency, [
      { amount: 1_000, status: "succeeded", receivedAt: now },
      { amount: 2_000, refunded: 500, status: "refunded", receivedAt: longAgo },
      { amount: 9_999, status: "pending", receivedAt: now },
      // Disputed in full, then disputed in part: only what the disputes left counts.
      { amount: 7_777, withheld: 7_777, status: "disputed", receivedAt: now },
      { amount: 3_000, withheld: 1_000, status: "disputed", receivedAt: now },
    ]);
    await give(b.id, currency, [
      { amount: 300, status: "succeeded", method: "bank_transfer", receivedAt: longAgo },
      { amount: 40, status: "succeeded", method: "cash", receivedAt: now },
      { amount: 5_555, status: "failed", receivedAt: now },
    ]);
    const row = (await getRaisedTotals(admin, now)).find((t) => t.currency === currency);
    expect(row).toEqual({ currency, allTime: 1_000n + 1_500n + 2_000n + 300n + 40n, thisMonth: 1_000n + 2_000n + 40n, offline: 300n + 40n });
  });

  it("leaves out currencies whose campaigns have no gifts", async () => {
    const currency = `Y${letters()}`;
    await campaignIn(currency);
    expect((await getRaisedTotals(admin)).map((t) => t.currency)).not.toContain(currency);
  });

  it("counts gifts per UTC day over the last 90 days, one entry per day", async () => {
    const currency = `Z${letters()}`;
    const now = new Date();
    const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 30, 23, 59));
    const campaign = await campaignIn(currency);
    await give(campaign.id, currency, [
      { amount: 100, status: "succeeded", receivedAt: day },
      { amount: 100, status: "refunded", refunded: 100, receivedAt: day },
      { amount: 100, status: "pending", receivedAt: day },
    ]);
    const counts = await getDailyDonationCounts(admin, 90, now);
    expect(counts).toHaveLength(90);
    expect(counts.at(-1)?.day).toBe(now.toISOString().slice(0, 10));
    expect(new Set(counts.map((c) => c.day)).size).toBe(90);
    // Other tests may add gifts on the same day; ours are two counted ones (not the pending one).
    expect(counts.find((c) => c.day === day.toISOString().slice(0, 10))?.count).toBeGreaterThanOrEqual(2);
  });

  it("counts days as the site's time zone has them: 23:30 UTC is the next morning in Tokyo", async () => {
    const currency = `W${letters()}`;
    const now = new Date();
    const late = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 40, 23, 30));
    const utcDay = late.toISOString().slice(0, 10);
    const tokyoDay = new Date(late.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
    const count = async (zone: string, day: string) =>
      (await getDailyDonationCounts(admin, 90, now, zone)).find((c) => c.day === day)?.count ?? 0;
    const before = { utc: await count("UTC", utcDay), tokyo: await count("Asia/Tokyo", tokyoDay), tokyoPrev: await count("Asia/Tokyo", utcDay) };
    await give((await campaignIn(currency)).id, currency, [{ amount: 100, status: "succeeded", receivedAt: late }]);
    expect(await count("UTC", utcDay)).toBe(before.utc + 1);
    expect(await count("Asia/Tokyo", tokyoDay)).toBe(before.tokyo + 1);
    expect(await count("Asia/Tokyo", utcDay)).toBe(before.tokyoPrev);
    expect((await getDailyDonationCounts(admin, 90, now, "Asia/Tokyo")).at(-1)?.day).toBe(
      new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10),
    );
  });
});
