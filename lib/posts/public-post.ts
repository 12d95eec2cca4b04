import "server-only";
import { cache } from "react";
import { CACHE_TAGS, cachedRead } from "@/lib/cache";
import { db } from "@/lib/db";
import { renderMarkdown } from "@/lib/markdown";
import { isVisibleAt, visiblePosts } from "./visibility";

const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * One published article with what its page links to: category, the other parts of its series,
 * linked campaigns with their progress, and "see also" articles. Null for drafts. Scheduled
 * articles (this one, other parts, see-also) come with their times, which is why this stays
 * private to the module. Cached (tags "posts" and "campaigns", because it shows campaign
 * totals). cache() shares one read between generateMetadata and the page of one request.
 */
const readPostWithSchedule = cache(cachedRead(
  async (slug: string) => {
    const p = await db.post.findFirst({
      where: { slug, status: "published", publishedAt: { not: null } },
      select: {
        id: true,
        slug: true,
        title: true,
        excerpt: true,
        body: true,
        publishedAt: true,
        updatedAt: true,
        seriesPart: true,
        category: { select: { slug: true, name: true } },
        series: {
          select: {
            slug: true,
            title: true,
            posts: {
              where: { status: "published", publishedAt: { not: null } },
              orderBy: { seriesPart: "asc" },
              select: { slug: true, title: true, seriesPart: true, publishedAt: true },
            },
          },
        },
        campaigns: {
          where: { campaign: { status: { in: ["published", "closed"] } } },
          select: {
            campaign: {
              select: {
                slug: true,
                title: true,
                summary: true,
                goalAmount: true,
                currency: true,
                raisedAmount: true,
                donorCount: true,
                status: true,
              },
            },
          },
        },
        seeAlso: {
          where: { to: { status: "published", publishedAt: { not: null } } },
          select: { to: { select: { slug: true, title: true, excerpt: true, publishedAt: true } } },
        },
      },
    });
    if (!p) return null;
    const { body, ...post } = p;
    return {
      ...post,
      // Rendered once per cache entry, not per request (see MarkdownBody).
      bodyHtml: renderMarkdown(body),
      publishedAt: iso(p.publishedAt),
      updatedAt: p.updatedAt.toISOString(),
      series: p.series && {
        slug: p.series.slug,
        title: p.series.title,
        parts: p.series.posts.map((s) => ({ ...s, publishedAt: iso(s.publishedAt) })),
      },
      campaigns: p.campaigns.map(({ campaign }) => campaign),
      seeAlso: p.seeAlso.map(({ to }) => ({ ...to, publishedAt: iso(to.publishedAt) })),
    };
  },
  ["public-post-v3"],
  [CACHE_TAGS.posts, CACHE_TAGS.campaigns],
));

/** A published article as the public may see it at `now`: null until its publication time. */
export async function getPublicPost(slug: string, now = new Date()) {
  const post = await readPostWithSchedule(slug);
  if (!post || !isVisibleAt(post.publishedAt, now)) return null;
  return {
    ...post,
    series: post.series && { ...post.series, parts: visiblePosts(post.series.parts, now) },
    seeAlso: visiblePosts(post.seeAlso, now),
  };
}

export type PublicPost = NonNullable<Awaited<ReturnType<typeof getPublicPost>>>;
