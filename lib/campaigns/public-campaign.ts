import "server-only";
import { unstable_cache } from "next/cache";
import { cache } from "react";
import { CACHE_TAGS, PUBLIC_CACHE_SECONDS } from "@/lib/cache";
import { db } from "@/lib/db";
import { renderMarkdown } from "@/lib/markdown";

const RECENT_MESSAGES = 10;

/**
 * One published or closed campaign as the public may see it (null for drafts and unknown slugs).
 * Cached (tags "campaigns" and "posts", for the linked articles). Held-back mission updates and
 * scheduled articles are included WITH their times: filter them at render time, never here.
 * Anonymous donors' names are dropped before caching, and hidden messages never leave the database.
 * The story is cached as sanitised HTML: rendering markdown per request dominated the page's cost.
 * React's cache() shares one call between generateMetadata and the page in the same request:
 * unstable_cache alone does not merge concurrent misses, so a cold render read everything twice
 * (caught by e2e/query-count.spec.ts).
 */
export const getPublicCampaign = cache(unstable_cache(
  async (slug: string) => {
    const c = await db.campaign.findFirst({
      where: { slug, status: { in: ["published", "closed"] } },
      select: {
        id: true,
        slug: true,
        title: true,
        summary: true,
        story: true,
        goalAmount: true,
        currency: true,
        raisedAmount: true,
        donorCount: true,
        peopleCount: true,
        deadline: true,
        status: true,
        updates: { select: { id: true, stage: true, publicNote: true, publishAt: true } },
        posts: {
          where: { post: { status: "published", publishedAt: { not: null } } },
          select: { post: { select: { slug: true, title: true, excerpt: true, publishedAt: true } } },
        },
        donations: {
          where: { status: "succeeded", messageHidden: false, message: { not: null } },
          orderBy: { receivedAt: "desc" },
          take: RECENT_MESSAGES,
          select: { id: true, anonymous: true, displayName: true, message: true, receivedAt: true },
        },
      },
    });
    if (!c) return null;
    const { posts, donations, story, ...campaign } = c;
    return {
      ...campaign,
      storyHtml: story ? renderMarkdown(story) : null,
      deadline: campaign.deadline?.toISOString() ?? null,
      updates: campaign.updates.map((u) => ({ ...u, publishAt: u.publishAt.toISOString() })),
      articles: posts.map(({ post }) => ({ ...post, publishedAt: post.publishedAt?.toISOString() ?? null })),
      messages: donations.map((d) => ({
        id: d.id,
        name: d.anonymous ? null : d.displayName?.trim() || null,
        message: d.message ?? "",
        receivedAt: d.receivedAt.toISOString(),
      })),
    };
  },
  ["public-campaign-v2"],
  { tags: [CACHE_TAGS.campaigns, CACHE_TAGS.posts], revalidate: PUBLIC_CACHE_SECONDS },
));

export type PublicCampaign = NonNullable<Awaited<ReturnType<typeof getPublicCampaign>>>;
