import "server-only";
import { unstable_cache } from "next/cache";
import { CACHE_TAGS, PUBLIC_CACHE_SECONDS } from "@/lib/cache";
import { db } from "@/lib/db";
import { publicStage } from "./mission-timeline";

/**
 * Published and closed campaigns with the public fields a card shows, and their mission updates'
 * stages and times (scheduled ones included): private to this module. Cached (tag "campaigns").
 */
const readCampaignCards = unstable_cache(
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
  ["public-campaigns-v1"],
  { tags: [CACHE_TAGS.campaigns], revalidate: PUBLIC_CACHE_SECONDS },
);

/** The cards as the public may see them at `now`: each with the stage published by then. */
export async function listPublicCampaigns(now = new Date()) {
  return (await readCampaignCards()).map(({ updates, ...card }) => ({ ...card, stage: publicStage(updates, now) }));
}

export type PublicCampaignCard = Awaited<ReturnType<typeof listPublicCampaigns>>[number];
