import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Pagination } from "@/app/_components/pagination";
import { PostList } from "@/app/_components/post-list";
import { listPublicPosts } from "@/lib/posts/public-post-list";
import { listPublicTaxonomy } from "@/lib/posts/public-taxonomy";
import { PAGE_SIZE, pageCount, pageParam } from "@/lib/pagination";
import { pageMetadata } from "@/lib/seo";

type Props = { searchParams: Promise<{ page?: string | string[] }> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const page = pageParam((await searchParams).page) ?? 1;
  return pageMetadata({
    title: page > 1 ? `News, page ${page}` : "News",
    description: "Rescue reports, resettlement stories, human rights news and events from Safe Passage.",
    path: page > 1 ? `/news?page=${page}` : "/news",
  });
}

export default async function NewsPage({ searchParams }: Props) {
  await connection();
  const page = pageParam((await searchParams).page);
  if (page === null) notFound();
  const [posts, taxonomy] = await Promise.all([listPublicPosts(), listPublicTaxonomy()]);
  const visible = posts;
  const pages = pageCount(visible.length);
  if (page > pages) notFound();
  const shown = visible.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  return (
    <>
      <h1 className="font-serif text-3xl font-semibold">
        News{page > 1 && <span className="text-muted">, page {page}</span>}
      </h1>
      <nav aria-label="Categories" className="mt-4">
        <ul className="flex flex-wrap gap-2 text-sm">
          {taxonomy.categories.map((c) => (
            <li key={c.slug}>
              <Link
                href={`/news/category/${c.slug}`}
                className="inline-block rounded-full border border-line bg-white px-3 py-1 hover:underline"
              >
                {c.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {shown.length ? <PostList posts={shown} /> : <p className="mt-6 text-muted">No news yet.</p>}
      <Pagination page={page} pages={pages} basePath="/news" />
    </>
  );
}
