import Link from "next/link";
import type { PublicPostSummary } from "@/lib/posts/public-post-list";
import { formatDate } from "@/lib/format-date";

/** Article summaries (already filtered to what is visible now). */
export function PostList({ posts, headingLevel = 2 }: { posts: PublicPostSummary[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="divide-y divide-line">
      {posts.map((post) => (
        <li key={post.id} className="py-5">
          <article>
            <p className="text-sm text-muted">
              {post.publishedAt && <time dateTime={post.publishedAt}>{formatDate(post.publishedAt)}</time>}
              {" · "}
              <Link href={`/news/category/${post.category.slug}`} className="underline">
                {post.category.name}
              </Link>
            </p>
            <Heading className="mt-1 font-serif text-xl font-semibold">
              <Link href={`/news/${post.slug}`} className="hover:underline">
                {post.title}
              </Link>
            </Heading>
            {post.excerpt && <p className="mt-1 text-muted">{post.excerpt}</p>}
          </article>
        </li>
      ))}
    </ul>
  );
}
