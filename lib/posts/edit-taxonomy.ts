import "server-only";
import { FieldError } from "@/lib/actions/field-error";
import { diffFields, writeAudit } from "@/lib/audit/write-audit";
import { assertMayUse, type Actor } from "@/lib/auth/roles";
import { CACHE_TAGS, invalidate } from "@/lib/cache";
import { db } from "@/lib/db";
import { refuseClash } from "@/lib/db/unique-clash";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TaxonInput, TaxonKind } from "@/lib/validations/post";

// Categories and series: the same fields (a series' name is stored as its title) and the same
// acts, told apart by `kind`.

const ENTITY = { category: "Category", series: "Series" } as const satisfies Record<TaxonKind, string>;
const slugTaken = () => new FieldError("slug", "CONFLICT", "This address is already used.");

type Fields = { name: string; slug: string; description: string };

async function readTaxon(tx: Prisma.TransactionClient, kind: TaxonKind, id: string) {
  const row =
    kind === "category"
      ? await tx.category.findUnique({ where: { id }, select: { name: true, slug: true, description: true, _count: { select: { posts: true } } } })
      : await tx.series
          .findUnique({ where: { id }, select: { title: true, slug: true, description: true, _count: { select: { posts: true } } } })
          .then((s) => s && { name: s.title, slug: s.slug, description: s.description, _count: s._count });
  if (!row) throw new AppError("NOT_FOUND", kind === "category" ? "This category no longer exists." : "This series no longer exists.");
  const { _count, ...fields } = row;
  return { fields: fields satisfies Fields, posts: _count.posts };
}

/** Adds a category or a series. */
export async function createTaxon(actor: Actor, input: TaxonInput) {
  const actorId = assertMayUse(actor, "articles");
  const { kind, name, slug, description } = input;
  await refuseClash(
    () =>
      db.$transaction(async (tx) => {
        const created =
          kind === "category"
            ? await tx.category.create({ data: { name, slug, description }, select: { id: true } })
            : await tx.series.create({ data: { title: name, slug, description }, select: { id: true } });
        await writeAudit(tx, {
          actorId,
          action: `${kind}.create`,
          entityType: ENTITY[kind],
          entityId: created.id,
          changes: diffFields({}, { name, slug, description }),
        });
      }),
    slugTaken,
  );
  invalidate(CACHE_TAGS.posts);
}

/** Renames a category or a series (its name, address and description). */
export async function updateTaxon(actor: Actor, input: TaxonInput & { id: string }) {
  const actorId = assertMayUse(actor, "articles");
  const { kind, id, name, slug, description } = input;
  await refuseClash(
    () =>
      db.$transaction(async (tx) => {
        const { fields: before } = await readTaxon(tx, kind, id);
        if (kind === "category") await tx.category.update({ where: { id }, data: { name, slug, description } });
        else await tx.series.update({ where: { id }, data: { title: name, slug, description } });
        await writeAudit(tx, {
          actorId,
          action: `${kind}.update`,
          entityType: ENTITY[kind],
          entityId: id,
          changes: diffFields(before, { name, slug, description }),
        });
      }),
    slugTaken,
  );
  // Articles show their category's and series' names: both public reads change.
  invalidate(CACHE_TAGS.posts, CACHE_TAGS.campaigns);
}

/** Deletes a category or a series that no article uses; one in use is refused with the count. */
export async function deleteTaxon(actor: Actor, input: { kind: TaxonKind; id: string }) {
  const actorId = assertMayUse(actor, "articles");
  const { kind, id } = input;
  await db.$transaction(async (tx) => {
    const { fields, posts } = await readTaxon(tx, kind, id);
    if (posts > 0) {
      const articles = posts === 1 ? "1 article uses" : `${posts} articles use`;
      throw new AppError(
        "CONFLICT",
        kind === "category"
          ? `“${fields.name}” cannot be deleted: ${articles} it. Move them to another category first.`
          : `“${fields.name}” cannot be deleted: ${articles} it. Take them out of the series first.`,
      );
    }
    // Checked above and again by the database (a category's articles restrict its deletion).
    if (kind === "category") await tx.category.delete({ where: { id } });
    else await tx.series.delete({ where: { id } });
    await writeAudit(tx, {
      actorId,
      action: `${kind}.delete`,
      entityType: ENTITY[kind],
      entityId: id,
      changes: { name: { before: fields.name, after: null }, slug: { before: fields.slug, after: null } },
    });
  });
  invalidate(CACHE_TAGS.posts);
}
