import "server-only";
import { FieldError } from "@/lib/actions/field-error";
import { CACHE_TAGS, invalidate } from "@/lib/cache";
import { diffFields, writeAudit } from "@/lib/audit/write-audit";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

function slugClash(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new FieldError("slug", "CONFLICT", "This address is already used.");
  }
  throw error;
}

export async function createCategory(
  data: { name: string; slug: string; description: string },
  actorId: string,
) {
  try {
    await db.$transaction(async (tx) => {
      const category = await tx.category.create({ data, select: { id: true } });
      await writeAudit(tx, {
        actorId,
        action: "category.create",
        entityType: "Category",
        entityId: category.id,
        changes: diffFields({}, data),
      });
    });
  } catch (error) {
    slugClash(error);
  }
  invalidate(CACHE_TAGS.posts);
}

export async function createSeries(
  data: { title: string; slug: string; description: string },
  actorId: string,
) {
  try {
    await db.$transaction(async (tx) => {
      const series = await tx.series.create({ data, select: { id: true } });
      await writeAudit(tx, {
        actorId,
        action: "series.create",
        entityType: "Series",
        entityId: series.id,
        changes: diffFields({}, data),
      });
    });
  } catch (error) {
    slugClash(error);
  }
  invalidate(CACHE_TAGS.posts);
}

export async function listTaxonomy() {
  const [categories, series] = await Promise.all([
    db.category.findMany({
      orderBy: { name: "asc" },
      select: { id: true, name: true, slug: true, _count: { select: { posts: true } } },
    }),
    db.series.findMany({
      orderBy: { title: "asc" },
      select: { id: true, title: true, slug: true, _count: { select: { posts: true } } },
    }),
  ]);
  return { categories, series };
}
