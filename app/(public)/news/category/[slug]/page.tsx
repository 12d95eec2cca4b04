import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { PostList } from "@/app/_components/post-list";
import { listPublicPosts } from "@/lib/posts/public-post-list";
import { listPublicTaxonomy } from "@/lib/posts/public-taxonomy";
import { visiblePosts } from "@/lib/posts/visibility";
import { pageMetadata } from "@/lib/seo";

type Props = { params: Promise<{ slug: string }> };

async function findCategory(slug: string) {
  return (await listPublicTaxonomy()).categories.find((c) => c.slug === slug) ?? null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const category = await findCategory((await params).slug);
  if (!category) return { title: "Page not found" };
  return pageMetadata({
    title: category.name,
    description: category.description || `Articles filed under ${category.name}.`,
    path: `/news/category/${category.slug}`,
  });
}

export default async function CategoryPage({ params }: Props) {
  await connection();
  const category = await findCategory((await params).slug);
  if (!category) notFound();
  const posts = visiblePosts(await listPublicPosts(), new Date()).filter(
    (p) => p.category.slug === category.slug,
  );
  return (
    <>
      <p className="text-sm text-muted">Category</p>
      <h1 className="font-serif text-3xl font-semibold">{category.name}</h1>
      {category.description && <p className="mt-2 max-w-prose text-muted">{category.description}</p>}
      {posts.length ? (
        <PostList posts={posts} />
      ) : (
        <p className="mt-6 text-muted">No articles in this category yet.</p>
      )}
    </>
  );
}
