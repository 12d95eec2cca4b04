import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { MarkdownBody } from "@/app/_components/markdown-body";
import { ProgressBar } from "@/app/_components/progress-bar";
import { getPublicPost } from "@/lib/posts/public-post";
import { formatDate } from "@/lib/format-date";
import { pageMetadata } from "@/lib/seo";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const post = await getPublicPost((await params).slug);
  if (!post) return { title: "Page not found" };
  return pageMetadata({
    title: post.title,
    description: post.excerpt || post.title,
    path: `/news/${post.slug}`,
    type: "article",
    publishedTime: post.publishedAt ?? undefined,
  });
}

export default async function ArticlePage({ params }: Props) {
  await connection();
  const post = await getPublicPost((await params).slug);
  if (!post?.publishedAt) notFound();
  const parts = post.series?.parts ?? [];
  const index = parts.findIndex((p) => p.slug === post.slug);
  const previous = index > 0 ? parts[index - 1] : undefined;
  const next = index >= 0 ? parts[index + 1] : undefined;
  const { seeAlso } = post;

  return (
    <>
      <article>
        <header>
          <p className="text-sm text-muted">
            <time dateTime={post.publishedAt}>{formatDate(post.publishedAt)}</time>
            {" · "}
            <Link href={`/news/category/${post.category.slug}`} className="underline">
              {post.category.name}
            </Link>
          </p>
          {post.series && (
            <p className="mt-1 text-sm text-muted">
              Part {post.seriesPart} of the series{" "}
              <Link href={`/news/series/${post.series.slug}`} className="underline">
                {post.series.title}
              </Link>
            </p>
          )}
          <h1 className="mt-2 font-serif text-3xl font-semibold">{post.title}</h1>
          {post.excerpt && <p className="mt-2 max-w-prose text-lg text-muted">{post.excerpt}</p>}
        </header>
        <MarkdownBody html={post.bodyHtml} className="mt-6" />
      </article>

      {(previous || next) && (
        <nav aria-label="Series" className="mt-10 grid gap-4 border-t border-line pt-6 sm:grid-cols-2">
          {previous ? (
            <Link href={`/news/${previous.slug}`} rel="prev" className="text-accent-strong underline">
              ← Previous part: {previous.title}
            </Link>
          ) : (
            <span />
          )}
          {next && (
            <Link
              href={`/news/${next.slug}`}
              rel="next"
              className="text-accent-strong underline sm:text-right"
            >
              Next part: {next.title} →
            </Link>
          )}
        </nav>
      )}

      {post.campaigns.length > 0 && (
        <section aria-labelledby="campaigns-heading" className="mt-10">
          <h2 id="campaigns-heading" className="font-serif text-2xl font-semibold">
            Campaigns in this article
          </h2>
          <ul className="mt-4 grid gap-4 sm:grid-cols-2">
            {post.campaigns.map((c) => (
              <li key={c.slug} className="rounded-lg border border-line bg-white p-5">
                <h3 className="font-serif text-lg font-semibold">
                  <Link href={`/campaigns/${c.slug}`} className="hover:underline">
                    {c.title}
                  </Link>
                </h3>
                {c.status === "closed" && <p className="text-sm text-muted">This campaign is closed.</p>}
                <ProgressBar
                  id={`progress-${c.slug}`}
                  raised={c.raisedAmount}
                  goal={c.goalAmount}
                  currency={c.currency}
                />
              </li>
            ))}
          </ul>
        </section>
      )}

      {seeAlso.length > 0 && (
        <section aria-labelledby="see-also-heading" className="mt-10">
          <h2 id="see-also-heading" className="font-serif text-2xl font-semibold">
            See also
          </h2>
          <ul className="mt-3 space-y-2">
            {seeAlso.map((s) => (
              <li key={s.slug}>
                <Link href={`/news/${s.slug}`} className="text-accent-strong underline">
                  {s.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
