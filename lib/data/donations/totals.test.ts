// Many gifts to one campaign at once (an appeal shared widely): every transaction commits and
// the denormalised total equals the sum of the gifts.
import { randomBytes } from "node:crypto";
import { afterAll, expect, it } from "vitest";
import { db } from "@/lib/db";
import { refreshCampaignTotals } from "./totals";

afterAll(() => db.$disconnect());

it("concurrent donations to one campaign never deadlock and add up exactly", async () => {
  const campaign = await db.campaign.create({
    data: { slug: `burst-${randomBytes(4).toString("hex")}`, title: "Burst", summary: "Many gifts at once.", goalAmount: 100_000, currency: "JPY", status: "published" },
  });
  const amounts = Array.from({ length: 8 }, (_, i) => 1_000 + i * 111);
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
  expect(after.raisedAmount).toBe(amounts.reduce((a, b) => a + b, 0));
  expect(after.donorCount).toBe(amounts.length);
});
