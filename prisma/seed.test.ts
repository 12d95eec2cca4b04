// The demo seed is idempotent and its totals are the ones refreshCampaignTotals() would keep.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { refreshCampaignTotals } from "@/lib/donations/totals";
import { DEMO_CAMPAIGNS } from "./demo-content";
import { seedDemo } from "./seed";

afterAll(async () => {
  await db.$disconnect();
});

describe("seedDemo", () => {
  it("seeds once, with totals that agree with the donations", async () => {
    const url = env.DATABASE_URL ?? "";
    await seedDemo(url);
    expect(await seedDemo(url)).toMatchObject({ created: false });
    for (const { slug } of DEMO_CAMPAIGNS) {
      const before = await db.campaign.findUniqueOrThrow({
        where: { slug },
        select: { id: true, raisedAmount: true, donorCount: true },
      });
      await db.$transaction((tx) => refreshCampaignTotals(tx, before.id));
      const after = await db.campaign.findUniqueOrThrow({
        where: { slug },
        select: { id: true, raisedAmount: true, donorCount: true },
      });
      expect(after, slug).toEqual(before);
      expect(before.raisedAmount, slug).toBeGreaterThan(0);
      // The real stage is where the recorded moves lead; notes have no stage.
      const moves = await db.missionUpdate.findMany({
        where: { campaignId: before.id, stage: { not: null } },
        orderBy: { sequence: "asc" },
        select: { fromStage: true, stage: true },
      });
      const campaign = await db.campaign.findUniqueOrThrow({ where: { slug }, select: { stage: true } });
      expect(moves.at(-1)?.stage ?? "awaiting_funds", slug).toBe(campaign.stage);
      moves.slice(1).forEach((m, i) => expect(m.fromStage, slug).toBe(moves[i]!.stage));
    }
    expect(await db.campaign.count({ where: { slug: DEMO_CAMPAIGNS[0]!.slug } })).toBe(1);
  });
});
