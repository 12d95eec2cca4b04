import "server-only";
import { FieldError } from "@/lib/actions/field-error";
import { CACHE_TAGS, invalidate } from "@/lib/cache";
import { diffFields, writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PostInput } from "@/lib/validations/post";

export const STALE_POST =
  "Someone else changed this article since you opened it. Reload to see their changes.";

function columns(input: PostInput) {
  return {
    title: input.title,
    slug: input.slug,
    excerpt: input.excerpt,
    body: input.body,
    categoryId: input.categoryId,
    seriesId: input.seriesId ?? null,
    seriesPart: input.seriesId ? (input.seriesPart ?? null) : null,
  };
}

function uniqueClash(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    const target = JSON.stringify(error.meta ?? {});
    if (target.includes("series"))
      throw new FieldError("seriesPart", "CONFLICT", "This series already has that part.");
    throw new FieldError("slug", "CONFLICT", "Another article already uses this address.");
  }
  throw error;
}

async function replaceLinks(tx: Prisma.TransactionClient, postId: string, input: PostInput) {
  await tx.postCampaign.deleteMany({ where: { postId } });
  await tx.postLink.deleteMany({ where: { fromId: postId } });
  if (input.campaignIds.length) {
    await tx.postCampaign.createMany({
      data: input.campaignIds.map((campaignId) => ({ postId, campaignId })),
    });
  }
  const seeAlso = input.seeAlsoIds.filter((id) => id !== postId);
  if (seeAlso.length)
    await tx.postLink.createMany({ data: seeAlso.map((toId) => ({ fromId: postId, toId })) });
}

export async function createPost(input: PostInput, actorId: string): Promise<string> {
  try {
    return await db.$transaction(async (tx) => {
      const post = await tx.post.create({
        data: { ...columns(input), authorId: actorId },
        select: { id: true },
      });
      await replaceLinks(tx, post.id, input);
      await writeAudit(tx, {
        actorId,
        action: "post.create",
        entityType: "Post",
        entityId: post.id,
        changes: diffFields(
          {},
          { ...columns(input), campaignIds: input.campaignIds, seeAlsoIds: input.seeAlsoIds },
        ),
      });
      return post.id;
    });
  } catch (error) {
    uniqueClash(error);
  }
}

export async function updatePost(input: PostInput & { id: string; version: number }, actorId: string) {
  try {
    await db.$transaction(async (tx) => {
      const before = await tx.post.findUnique({
        where: { id: input.id },
        select: {
          title: true,
          slug: true,
          excerpt: true,
          body: true,
          categoryId: true,
          seriesId: true,
          seriesPart: true,
          campaigns: { select: { campaignId: true } },
          seeAlso: { select: { toId: true } },
        },
      });
      if (!before) throw new AppError("NOT_FOUND", "This article does not exist.");
      const result = await tx.post.updateMany({
        where: { id: input.id, version: input.version },
        data: { ...columns(input), version: { increment: 1 } },
      });
      if (result.count === 0) throw new AppError("CONFLICT", STALE_POST);
      await replaceLinks(tx, input.id, input);
      const { campaigns, seeAlso, ...rest } = before;
      await writeAudit(tx, {
        actorId,
        action: "post.update",
        entityType: "Post",
        entityId: input.id,
        changes: diffFields(
          {
            ...rest,
            campaignIds: campaigns.map((c) => c.campaignId).sort(),
            seeAlsoIds: seeAlso.map((l) => l.toId).sort(),
          },
          {
            ...columns(input),
            campaignIds: [...input.campaignIds].sort(),
            seeAlsoIds: [...input.seeAlsoIds].sort(),
          },
        ),
      });
    });
  } catch (error) {
    uniqueClash(error);
  }
  invalidate(CACHE_TAGS.posts, CACHE_TAGS.campaigns);
}

export async function setPostPublished(id: string, version: number, publish: boolean, actorId: string) {
  await db.$transaction(async (tx) => {
    const before = await tx.post.findUnique({ where: { id }, select: { status: true, publishedAt: true } });
    if (!before) throw new AppError("NOT_FOUND", "This article does not exist.");
    const status = publish ? "published" : "draft";
    const result = await tx.post.updateMany({
      where: { id, version },
      data: {
        status,
        publishedAt: publish ? (before.publishedAt ?? new Date()) : before.publishedAt,
        version: { increment: 1 },
      },
    });
    if (result.count === 0) throw new AppError("CONFLICT", STALE_POST);
    await writeAudit(tx, {
      actorId,
      action: publish ? "post.publish" : "post.unpublish",
      entityType: "Post",
      entityId: id,
      changes: { status: { before: before.status, after: status } },
    });
  });
  invalidate(CACHE_TAGS.posts, CACHE_TAGS.campaigns);
}

export async function listPostsForDashboard() {
  return db.post.findMany({
    orderBy: { updatedAt: "desc" },
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

export async function getPostForEdit(id: string) {
  return db.post.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      slug: true,
      excerpt: true,
      body: true,
      status: true,
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
export async function getPostFormChoices() {
  const [categories, series, campaigns, posts] = await Promise.all([
    db.category.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.series.findMany({ orderBy: { title: "asc" }, select: { id: true, title: true } }),
    db.campaign.findMany({ orderBy: { createdAt: "desc" }, select: { id: true, title: true } }),
    db.post.findMany({ orderBy: { createdAt: "desc" }, take: 200, select: { id: true, title: true } }),
  ]);
  return { categories, series, campaigns, posts };
}
