import "server-only";
import { cache } from "react";
import { CACHE_TAGS, cachedRead } from "@/lib/cache";
import { db } from "@/lib/db";
import { renderMarkdown } from "@/lib/markdown";
import { visiblePosts } from "@/lib/posts/visibility";
import { publicTimeline } from "./mission-timeline";

const RECENT_MESSAGES = 10;

/**
 * One published or closed campaign with its WHOLE schedule: mission updates and linked articles
 * held back until later are included with their times, which is why this stays private to the
 * module and getPublicCampaign() filters it for the moment of the request. Cached (tags
 * "campaigns" and "posts", for the linked articles). Anonymous donors' names are dropped before
 * caching, and hidden messages never leave the database. The story is cached as sanitised HTML:
 * rendering markdown per request dominated the page's cost. React's cache() shares one read
 * between generateMetadata and the page of one request: unstable_cache alone does not merge
 * concurrent misses (e2e/query-count.spec.ts holds the page to one read).
 */
const readCampaignWithSchedule = cache(cachedRead(
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
        // The real stage and every update's stage and time: only for publicTimeline() below.
        stage: true,
        updates: { select: { id: true, sequence: true, fromStage: true, stage: true, publicNote: true, publishAt: true } },
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
  ["public-campaign-v4"],
  [CACHE_TAGS.campaigns, CACHE_TAGS.posts],
));

/**
 * A published or closed campaign as the public may see it at `now` (null for drafts and unknown
 * slugs): the mission stage and timeline as lib/campaigns/mission-timeline.ts derives them for
 * `now`, the articles published by then.
 */
export async function getPublicCampaign(slug: string, now = new Date()) {
  const campaign = await readCampaignWithSchedule(slug);
  if (!campaign) return null;
  const { updates, articles, stage: realStage, ...rest } = campaign;
  const { stage, timeline } = publicTimeline(updates, realStage, now);
  return { ...rest, stage, timeline, articles: visiblePosts(articles, now) };
}

export type PublicCampaign = NonNullable<Awaited<ReturnType<typeof getPublicCampaign>>>;
