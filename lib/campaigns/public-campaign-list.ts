import "server-only";
import { CACHE_TAGS, cachedRead } from "@/lib/cache";
import { db } from "@/lib/db";
import { publicStage } from "./mission-timeline";

/**
 * Published and closed campaigns with the public fields a card shows, their real stage and their
 * mission updates' stages and times (scheduled ones included): private to this module, which
 * hands out only the public stage. Cached (tag "campaigns"). Public notes are read because a
 * note without public text plays no part in the public timeline.
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
        stage: true,
        updates: { select: { id: true, sequence: true, fromStage: true, stage: true, publicNote: true, publishAt: true } },
      },
    });
    return rows.map((c) => ({
      ...c,
      deadline: c.deadline?.toISOString() ?? null,
      updates: c.updates.map((u) => ({ ...u, publishAt: u.publishAt.toISOString() })),
    }));
  },
  ["public-campaigns-v3"],
  [CACHE_TAGS.campaigns],
);

/** The cards as the public may see them at `now`: each with the stage published by then. */
export async function listPublicCampaigns(now = new Date()) {
  return (await readCampaignCards()).map(({ updates, stage, ...card }) => ({
    ...card,
    stage: publicStage(updates, stage, now),
  }));
}

export type PublicCampaignCard = Awaited<ReturnType<typeof listPublicCampaigns>>[number];
