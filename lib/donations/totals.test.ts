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

it("running totals follow every kind of change exactly: refunds, disputed amounts, e-mail case, subscriptions, moves", async () => {
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
        SELECT COALESCE(SUM(GREATEST("amount" - "refundedAmount" - "withheldAmount", 0)), 0)::bigint AS raised,
               COUNT(DISTINCT COALESCE(lower("donorEmail"), "stripeSubscriptionId", "id"))
                 FILTER (WHERE "amount" > "refundedAmount" + "withheldAmount")::int AS donors
          FROM "Donation" WHERE "campaignId" = ${campaignId} AND "status" IN ('succeeded', 'refunded', 'disputed')`
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
  // Disputes: part of a gift withheld, all of it, more than is left after a refund, then released.
  await db.donation.update({ where: { id: g3.id }, data: { status: "disputed", withheldAmount: 200n } });
  await db.donation.update({ where: { id: g1.id }, data: { refundedAmount: 400n } });
  await check();
  await db.donation.update({ where: { id: g3.id }, data: { withheldAmount: 500n } });
  await db.donation.update({ where: { id: g1.id }, data: { status: "disputed", withheldAmount: 900n } });
  await check();
  await db.donation.update({ where: { id: g1.id }, data: { status: "succeeded", withheldAmount: 0n } });
  await check();
  await db.donation.update({ where: { id: pending.id }, data: { campaignId: b.id } });
  await db.donation.update({ where: { id: g1.id }, data: { donorEmail: null } });
  await check();
  await db.donation.delete({ where: { id: g3.id } });
  await check();
});

// PGlite runs one transaction at a time, so two transactions cannot wait on each other there.
const realServer = Boolean(process.env.TEST_DATABASE_URL);

it.skipIf(!realServer)(
  "a refresh that waits behind another gift's transaction copies the totals that gift committed (real PostgreSQL only)",
  async () => {
    const campaign = await db.campaign.create({
      data: { slug: `lock-${randomBytes(4).toString("hex")}`, title: "Lock", summary: "-", goalAmount: 100_000n, currency: "JPY", status: "published" },
    });
    let letWriterCommit = () => {};
    const writerMayCommit = new Promise<void>((resolve) => (letWriterCommit = resolve));
    let writerHolds = () => {};
    const writerHoldsLock = new Promise<void>((resolve) => (writerHolds = resolve));
    // A gift is recorded and its refresh has run; its transaction has not committed yet.
    const writer = db.$transaction(
      async (tx) => {
        await tx.donation.create({
          data: { campaignId: campaign.id, amount: 4_000n, currency: "JPY", status: "succeeded", receiptToken: randomBytes(16).toString("hex") },
        });
        await refreshCampaignTotals(tx, campaign.id);
        writerHolds();
        await writerMayCommit;
      },
      { timeout: 60_000 },
    );
    await writerHoldsLock;
    // Meanwhile an event that changes nothing counted (a failed async payment) refreshes the same
    // campaign. It must wait for the gift and then copy totals that include it.
    let refresherPid = 0;
    const refresher = db.$transaction(
      async (tx) => {
        refresherPid = (await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`)[0]?.pid ?? -1;
        await refreshCampaignTotals(tx, campaign.id);
      },
      { timeout: 60_000 },
    );
    await expect
      .poll(
        async () =>
          refresherPid > 0 &&
          (await db.$queryRaw<{ waiting: string | null }[]>`
            SELECT wait_event_type AS waiting FROM pg_stat_activity WHERE pid = ${refresherPid}`)[0]?.waiting === "Lock",
        { timeout: 30_000, interval: 50 },
      )
      .toBe(true);
    letWriterCommit();
    await Promise.all([writer, refresher]);
    const after = await db.campaign.findUniqueOrThrow({ where: { id: campaign.id }, select: { raisedAmount: true, donorCount: true } });
    expect(after).toEqual({ raisedAmount: 4_000n, donorCount: 1 });
  },
  60_000,
);
