import "server-only";
import { CACHE_TAGS, cachedRead } from "@/lib/cache";
import { db } from "@/lib/db";
import { publicStage } from "./mission-timeline";

/**
 * Published and closed campaigns with the public fields a card shows, and their mission updates'
 * stages and times (scheduled ones included): private to this module. Cached (tag "campaigns").
 */
const readCampaignCards = cachedRead(
  async () => {
    const rows = await db.campaign.findMany({
      where: { status: { in: ["published", "closed"] } },
      orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
      select: {
        id: true,
        slug: true,
        title: true,
        summary: true,
        goalAmount: true,
        currency: true,
        raisedAmount: true,
        donorCount: true,
        peopleCount: true,
        deadline: true,
        status: true,
        updates: { select: { id: true, stage: true, publishAt: true } },
      },
    });
    return rows.map((c) => ({
      ...c,
      deadline: c.deadline?.toISOString() ?? null,
      updates: c.updates.map((u) => ({ ...u, publishAt: u.publishAt.toISOString() })),
    }));
  },
  ["public-campaigns-v2"],
  [CACHE_TAGS.campaigns],
);

/** The cards as the public may see them at `now`: each with the stage published by then. */
export async function listPublicCampaigns(now = new Date()) {
  return (await readCampaignCards()).map(({ updates, ...card }) => ({ ...card, stage: publicStage(updates, now) }));
}

export type PublicCampaignCard = Awaited<ReturnType<typeof listPublicCampaigns>>[number];
