import "server-only";
import { assertMayUse, type Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";

export async function listPostsForDashboard(actor: Actor) {
  assertMayUse(actor, "articles");
  return db.post.findMany({
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      title: true,
      slug: true,
      status: true,
      publishedAt: true,
      category: { select: { name: true } },
    },
  });
}

export async function getPostForEdit(actor: Actor, id: string) {
  assertMayUse(actor, "articles");
  return db.post.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      slug: true,
      excerpt: true,
      body: true,
      status: true,
      publishedAt: true,
      categoryId: true,
      seriesId: true,
      seriesPart: true,
      version: true,
      campaigns: { select: { campaignId: true } },
      seeAlso: { select: { toId: true } },
    },
  });
}

/** Choices for the article form's selects and checkboxes. */
export async function getPostFormChoices(actor: Actor) {
  assertMayUse(actor, "articles");
  const [categories, series, campaigns, posts] = await Promise.all([
    db.category.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.series.findMany({ orderBy: { title: "asc" }, select: { id: true, title: true } }),
    db.campaign.findMany({ orderBy: { createdAt: "desc" }, select: { id: true, title: true } }),
    db.post.findMany({ orderBy: { createdAt: "desc" }, take: 200, select: { id: true, title: true } }),
  ]);
  return { categories, series, campaigns, posts };
}
