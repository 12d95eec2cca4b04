// The category and series archives: the same page, told apart by which articles they list.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { PostList } from "@/app/_components/post-list";
import { listPublicPosts, type PublicPostSummary } from "@/lib/posts/public-post-list";
import { listPublicTaxonomy } from "@/lib/posts/public-taxonomy";
import { pageMetadata } from "@/lib/seo";

type Props = { params: Promise<{ slug: string }> };
type Kind = "category" | "series";
type Taxon = { slug: string; name: string; description: string };

const KINDS: Record<
  Kind,
  {
    label: string;
    empty: string;
    describe: (name: string) => string;
    /** The archive's articles, in the order it lists them. */
    select: (posts: PublicPostSummary[], slug: string) => PublicPostSummary[];
  }
> = {
  category: {
    label: "Category",
    empty: "No articles in this category yet.",
    describe: (name) => `Articles filed under ${name}.`,
    select: (posts, slug) => posts.filter((p) => p.category.slug === slug),
  },
  series: {
    label: "Series",
    empty: "The first part is coming soon.",
    describe: (name) => `All parts of the series “${name}”.`,
    // Parts in reading order.
    select: (posts, slug) =>
      posts.filter((p) => p.series?.slug === slug).sort((a, b) => (a.seriesPart ?? 0) - (b.seriesPart ?? 0)),
  },
};

async function findTaxon(kind: Kind, slug: string): Promise<Taxon | null> {
  const taxonomy = await listPublicTaxonomy();
  if (kind === "category") return taxonomy.categories.find((c) => c.slug === slug) ?? null;
  const series = taxonomy.series.find((s) => s.slug === slug);
  return series ? { slug: series.slug, name: series.title, description: series.description } : null;
}

export function archiveMetadata(kind: Kind) {
  return async function generateMetadata({ params }: Props): Promise<Metadata> {
    await connection();
    const taxon = await findTaxon(kind, (await params).slug);
    if (!taxon) return { title: "Page not found" };
    return pageMetadata({
      title: taxon.name,
      description: taxon.description || KINDS[kind].describe(taxon.name),
      path: `/news/${kind}/${taxon.slug}`,
    });
  };
}

export function archivePage(kind: Kind) {
  return async function ArchivePage({ params }: Props) {
    await connection();
    const taxon = await findTaxon(kind, (await params).slug);
    if (!taxon) notFound();
    const posts = KINDS[kind].select(await listPublicPosts(), taxon.slug);
    return (
      <>
        <p className="text-sm text-muted">{KINDS[kind].label}</p>
        <h1 className="font-serif text-3xl font-semibold">{taxon.name}</h1>
        {taxon.description && <p className="mt-2 max-w-prose text-muted">{taxon.description}</p>}
        {posts.length ? <PostList posts={posts} /> : <p className="mt-6 text-muted">{KINDS[kind].empty}</p>}
      </>
    );
  };
}
