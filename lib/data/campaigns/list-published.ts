import "server-only";
import { db } from "@/lib/db";

/** Published campaigns for the public site: only the fields a visitor may see. */
export async function listPublishedCampaigns() {
  return db.campaign.findMany({
    where: { status: "published" },
    orderBy: [{ deadline: { sort: "asc", nulls: "last" } }, { createdAt: "desc" }],
    select: { slug: true, title: true, summary: true, goalAmount: true, currency: true, deadline: true },
  });
}
