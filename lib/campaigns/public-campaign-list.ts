import "server-only";
import { unstable_cache } from "next/cache";
import { CACHE_TAGS, PUBLIC_CACHE_SECONDS } from "@/lib/cache";
import { db } from "@/lib/db";

/**
 * Published and closed campaigns with the public fields a card shows. Cached (tag "campaigns");
 * mission updates come with their publishAt so the caller decides what is visible at render time.
 */
export const listPublicCampaigns = unstable_cache(
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

export type PublicCampaignCard = Awaited<ReturnType<typeof listPublicCampaigns>>[number];
