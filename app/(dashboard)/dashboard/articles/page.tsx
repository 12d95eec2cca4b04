import Link from "next/link";
import { ROLES } from "@/lib/auth/roles";
import { listPostsForDashboard } from "@/lib/posts/staff-posts";
import { requireRole } from "@/lib/auth/session";
import { isScheduled, PublicationStatus } from "./publication";

export default async function ArticlesPage() {
  const user = await requireRole(...ROLES.articles);
  const posts = await listPostsForDashboard(user);
  const now = new Date();
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="font-serif text-2xl font-semibold">Articles</h1>
        <div className="flex gap-3">
          <Link href="/dashboard/articles/taxonomy" className="rounded border border-line px-4 py-2">
            Categories and series
          </Link>
          <Link href="/dashboard/articles/new" className="rounded bg-accent px-4 py-2 text-white">
            New article
          </Link>
        </div>
      </div>
      <ul className="mt-6 grid gap-3">
        {posts.map((p) => (
          <li key={p.id} className="rounded border border-line bg-white p-4">
            <Link href={`/dashboard/articles/${p.id}`} className="font-semibold text-accent underline">
              {p.title}
            </Link>
            <p className="text-sm text-muted" data-testid="post-publication">
              <PublicationStatus post={p} now={now} /> · {p.category.name}
              {(p.status !== "published" || isScheduled(p, now)) && (
                <>
                  {" · "}
                  <Link href={`/dashboard/articles/${p.id}/preview`} className="text-accent underline">
                    Preview
                  </Link>
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
