import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { PostList } from "@/app/_components/post-list";
import { listPublicPosts } from "@/lib/posts/public-post-list";
import { listPublicTaxonomy } from "@/lib/posts/public-taxonomy";
import { visiblePosts } from "@/lib/posts/visibility";
import { pageMetadata } from "@/lib/seo";

type Props = { params: Promise<{ slug: string }> };

async function findSeries(slug: string) {
  return (await listPublicTaxonomy()).series.find((s) => s.slug === slug) ?? null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const series = await findSeries((await params).slug);
  if (!series) return { title: "Page not found" };
  return pageMetadata({
    title: series.title,
    description: series.description || `All parts of the series “${series.title}”.`,
    path: `/news/series/${series.slug}`,
  });
}

export default async function SeriesPage({ params }: Props) {
  await connection();
  const series = await findSeries((await params).slug);
  if (!series) notFound();
  // Parts in reading order.
  const parts = visiblePosts(await listPublicPosts(), new Date())
    .filter((p) => p.series?.slug === series.slug)
    .sort((a, b) => (a.seriesPart ?? 0) - (b.seriesPart ?? 0));
  return (
    <>
      <p className="text-sm text-muted">Series</p>
      <h1 className="font-serif text-3xl font-semibold">{series.title}</h1>
      {series.description && <p className="mt-2 max-w-prose text-muted">{series.description}</p>}
      {parts.length ? (
        <PostList posts={parts} />
      ) : (
        <p className="mt-6 text-muted">The first part is coming soon.</p>
      )}
    </>
  );
}
