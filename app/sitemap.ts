import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { listPublicCampaigns } from "@/lib/campaigns/public-campaign-list";
import { listPublicPosts } from "@/lib/posts/public-post-list";
import { listPublicTaxonomy } from "@/lib/posts/public-taxonomy";
import { env } from "@/lib/env";

// Rendered per request (never at build time, which has no database); the reads are cached.
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  await connection();
  const site = env.appUrl;
  const [campaigns, posts, taxonomy] = await Promise.all([
    listPublicCampaigns(),
    listPublicPosts(),
    listPublicTaxonomy(),
  ]);
  const visible = posts;
  return [
    { url: `${site}/`, changeFrequency: "daily", priority: 1 },
    { url: `${site}/campaigns`, changeFrequency: "daily" },
    { url: `${site}/news`, changeFrequency: "daily" },
    // No lastModified for campaigns: recording a held-back mission update touches the campaign,
    // and a changed date would hint that something happened before it may be told.
    ...campaigns.map((c) => ({ url: `${site}/campaigns/${c.slug}` })),
    ...visible.map((p) => ({ url: `${site}/news/${p.slug}`, lastModified: new Date(p.updatedAt) })),
    ...taxonomy.categories.map((c) => ({ url: `${site}/news/category/${c.slug}` })),
    ...taxonomy.series.map((s) => ({ url: `${site}/news/series/${s.slug}` })),
  ];
}
