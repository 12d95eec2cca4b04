import "server-only";
import { FieldError } from "@/lib/actions/field-error";
import { diffFields, writeAudit } from "@/lib/audit/write-audit";
import { assertMayUse, type Actor } from "@/lib/auth/roles";
import { CACHE_TAGS, invalidate } from "@/lib/cache";
import { db } from "@/lib/db";
import { refuseClash } from "@/lib/db/unique-clash";
import type { TaxonInput } from "@/lib/validations/post";

/** Adds a category or a series; a series' name is stored as its title. */
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
          entityType: kind === "category" ? "Category" : "Series",
          entityId: created.id,
          changes: diffFields({}, { name, slug, description }),
        });
      }),
    () => new FieldError("slug", "CONFLICT", "This address is already used."),
  );
  invalidate(CACHE_TAGS.posts);
}
