// GET /feed.xml – Atom feed of the articles published so far (never drafts or scheduled ones).
import { Feed } from "feed";
import { connection } from "next/server";
import { listPublicPosts } from "@/lib/posts/public-post-list";
import { env } from "@/lib/env";
import { SITE_NAME } from "@/lib/seo";

const FEED_SIZE = 30;

export async function GET(): Promise<Response> {
  await connection();
  const posts = (await listPublicPosts()).slice(0, FEED_SIZE);
  const site = env.appUrl;
  const feed = new Feed({
    id: `${site}/`,
    title: `${SITE_NAME} news`,
    description: "Rescue reports, resettlement stories, human rights news and events.",
    link: `${site}/news`,
    language: "en",
    updated: posts[0]?.publishedAt ? new Date(posts[0].publishedAt) : new Date(0),
    feedLinks: { atom: `${site}/feed.xml` },
    copyright: `${SITE_NAME} contributors`,
    generator: false,
  });
  for (const post of posts) {
    const url = `${site}/news/${post.slug}`;
    feed.addItem({
      id: url,
      link: url,
      title: post.title,
      description: post.excerpt || undefined,
      date: new Date(
        post.updatedAt > (post.publishedAt ?? "") ? post.updatedAt : (post.publishedAt ?? post.updatedAt),
      ),
      published: post.publishedAt ? new Date(post.publishedAt) : undefined,
      category: [
        {
          name: post.category.name,
          term: post.category.slug,
          domain: `${site}/news/category/${post.category.slug}`,
        },
      ],
    });
  }
  return new Response(feed.atom1(), {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8" },
  });
}
