import "server-only";
import { assertMayUse, type Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";

export type TaxonRow = { id: string; name: string; slug: string; description: string; posts: number };

/** Categories and series with how many articles use each, in one shape. */
export async function listTaxonomy(actor: Actor): Promise<{ category: TaxonRow[]; series: TaxonRow[] }> {
  assertMayUse(actor, "articles");
  const [categories, series] = await Promise.all([
    db.category.findMany({
      orderBy: { name: "asc" },
      select: { id: true, name: true, slug: true, description: true, _count: { select: { posts: true } } },
    }),
    db.series.findMany({
      orderBy: { title: "asc" },
      select: { id: true, title: true, slug: true, description: true, _count: { select: { posts: true } } },
    }),
  ]);
  return {
    category: categories.map((c) => ({ id: c.id, name: c.name, slug: c.slug, description: c.description, posts: c._count.posts })),
    series: series.map((s) => ({ id: s.id, name: s.title, slug: s.slug, description: s.description, posts: s._count.posts })),
  };
}
