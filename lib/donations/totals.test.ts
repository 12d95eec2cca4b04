// Many gifts to one campaign at once (an appeal shared widely): every transaction commits and
// the denormalised total equals the sum of the gifts.
import { randomBytes } from "node:crypto";
import { afterAll, expect, it } from "vitest";
import { db } from "@/lib/db";
import { refreshCampaignTotals } from "./totals";

afterAll(() => db.$disconnect());

it("concurrent donations to one campaign never deadlock and add up exactly", async () => {
  const campaign = await db.campaign.create({
    data: { slug: `burst-${randomBytes(4).toString("hex")}`, title: "Burst", summary: "Many gifts at once.", goalAmount: 100_000n, currency: "JPY", status: "published" },
  });
  const amounts = Array.from({ length: 8 }, (_, i) => BigInt(1_000 + i * 111));
  const outcomes = await Promise.allSettled(
    amounts.map((amount) =>
      db.$transaction(async (tx) => {
        await tx.donation.create({
          data: { campaignId: campaign.id, amount, currency: "JPY", status: "succeeded", receiptToken: randomBytes(16).toString("hex") },
        });
        await refreshCampaignTotals(tx, campaign.id);
      }),
    ),
  );
  expect(outcomes.filter((o) => o.status === "rejected")).toEqual([]);
  const after = await db.campaign.findUniqueOrThrow({ where: { id: campaign.id }, select: { raisedAmount: true, donorCount: true } });
  expect(after.raisedAmount).toBe(amounts.reduce((a, b) => a + b, 0n));
  expect(after.donorCount).toBe(amounts.length);
});

it("running totals follow every kind of change exactly: refunds, disputes, e-mail case, subscriptions, moves", async () => {
  const make = () =>
    db.campaign.create({
      data: { slug: `rt-${randomBytes(4).toString("hex")}`, title: "Running", summary: "-", goalAmount: 100_000n, currency: "JPY", status: "published" },
    });
  const [a, b] = [await make(), await make()];
  const gift = (campaignId: string, data: { amount: number; donorEmail?: string | null; stripeSubscriptionId?: string; status?: "succeeded" | "pending" }) =>
    db.donation.create({
      data: { campaignId, currency: "JPY", status: data.status ?? "succeeded", receiptToken: randomBytes(16).toString("hex"), ...data },
    });
  // What the recompute that the trigger replaced would say, straight from the donations.
  const truth = async (campaignId: string) =>
    (
      await db.$queryRaw<{ raised: bigint; donors: number }[]>`
        SELECT COALESCE(SUM("amount" - "refundedAmount"), 0)::bigint AS raised,
               COUNT(DISTINCT COALESCE(lower("donorEmail"), "stripeSubscriptionId", "id")) FILTER (WHERE "amount" > "refundedAmount")::int AS donors
          FROM "Donation" WHERE "campaignId" = ${campaignId} AND "status" IN ('succeeded', 'refunded')`
    )[0];
  const check = async () => {
    for (const c of [a, b]) {
      await db.$transaction((tx) => refreshCampaignTotals(tx, c.id));
      const stored = await db.campaign.findUniqueOrThrow({ where: { id: c.id }, select: { raisedAmount: true, donorCount: true } });
      expect(stored).toEqual({ raisedAmount: (await truth(c.id))?.raised, donorCount: (await truth(c.id))?.donors });
    }
  };

  const g1 = await gift(a.id, { amount: 1_000, donorEmail: "K.H@example.org" });
  await gift(a.id, { amount: 2_000, donorEmail: "k.h@EXAMPLE.org" });
  const g3 = await gift(a.id, { amount: 500, donorEmail: null, stripeSubscriptionId: "sub_rt_1" });
  await gift(a.id, { amount: 500, donorEmail: null, stripeSubscriptionId: "sub_rt_1" });
  const pending = await gift(a.id, { amount: 9_000, donorEmail: "p@example.org", status: "pending" });
  await check();
  expect((await db.campaign.findUniqueOrThrow({ where: { id: a.id } })).donorCount).toBe(2);

  await db.donation.update({ where: { id: pending.id }, data: { status: "succeeded" } });
  await db.donation.update({ where: { id: g1.id }, data: { refundedAmount: 1_000n, status: "refunded" } });
  await check();
  await db.donation.update({ where: { id: g3.id }, data: { status: "disputed" } });
  await db.donation.update({ where: { id: g1.id }, data: { refundedAmount: 400n } });
  await check();
  await db.donation.update({ where: { id: pending.id }, data: { campaignId: b.id } });
  await db.donation.update({ where: { id: g1.id }, data: { donorEmail: null } });
  await check();
  await db.donation.delete({ where: { id: g3.id } });
  await check();
});
