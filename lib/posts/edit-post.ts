import "server-only";
import { FieldError } from "@/lib/actions/field-error";
import { diffFields, writeAudit } from "@/lib/audit/write-audit";
import { assertMayUse, type Actor } from "@/lib/auth/roles";
import { CACHE_TAGS, invalidate } from "@/lib/cache";
import { db } from "@/lib/db";
import { refuseClash } from "@/lib/db/unique-clash";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
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

const clash = (target: string) =>
  target.includes("series")
    ? new FieldError("seriesPart", "CONFLICT", "This series already has that part.")
    : new FieldError("slug", "CONFLICT", "Another article already uses this address.");

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

export async function createPost(actor: Actor, input: PostInput): Promise<string> {
  const actorId = assertMayUse(actor, "articles");
  return refuseClash(
    () =>
      db.$transaction(async (tx) => {
        const post = await tx.post.create({ data: { ...columns(input), authorId: actorId }, select: { id: true } });
        await replaceLinks(tx, post.id, input);
        await writeAudit(tx, {
          actorId,
          action: "post.create",
          entityType: "Post",
          entityId: post.id,
          changes: diffFields({}, { ...columns(input), campaignIds: input.campaignIds, seeAlsoIds: input.seeAlsoIds }),
        });
        return post.id;
      }),
    clash,
  );
}

export async function updatePost(actor: Actor, input: PostInput & { id: string; version: number }) {
  const actorId = assertMayUse(actor, "articles");
  await refuseClash(
    () =>
      db.$transaction(async (tx) => {
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
            { ...columns(input), campaignIds: [...input.campaignIds].sort(), seeAlsoIds: [...input.seeAlsoIds].sort() },
          ),
        });
      }),
    clash,
  );
  invalidate(CACHE_TAGS.posts, CACHE_TAGS.campaigns);
}

/**
 * Publishes (at `publishAt`, else the time it was first published, else now) or unpublishes an
 * article. A time in the future schedules it: the public reads hide it until then.
 */
export async function setPostPublished(
  actor: Actor,
  input: { id: string; version: number; publish: boolean; publishAt?: Date },
) {
  const actorId = assertMayUse(actor, "articles");
  const { id, version, publish } = input;
  await db.$transaction(async (tx) => {
    const before = await tx.post.findUnique({ where: { id }, select: { status: true, publishedAt: true } });
    if (!before) throw new AppError("NOT_FOUND", "This article does not exist.");
    const status = publish ? "published" : "draft";
    const publishedAt = publish ? (input.publishAt ?? before.publishedAt ?? new Date()) : before.publishedAt;
    const result = await tx.post.updateMany({
      where: { id, version },
      data: { status, publishedAt, version: { increment: 1 } },
    });
    if (result.count === 0) throw new AppError("CONFLICT", STALE_POST);
    await writeAudit(tx, {
      actorId,
      action: publish ? "post.publish" : "post.unpublish",
      entityType: "Post",
      entityId: id,
      changes: diffFields(before, { status, publishedAt }),
    });
  });
  invalidate(CACHE_TAGS.posts, CACHE_TAGS.campaigns);
}
