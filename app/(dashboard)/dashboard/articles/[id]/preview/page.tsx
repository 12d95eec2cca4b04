// A draft or scheduled article as it will read, for staff only: its public address answers
// "not found" until it is published and its time has come.
import Link from "next/link";
import { notFound } from "next/navigation";
import { MarkdownBody } from "@/app/_components/markdown-body";
import { ROLES } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/session";
import { renderMarkdown } from "@/lib/markdown";
import { getPostForEdit } from "@/lib/posts/staff-posts";
import { PublicationStatus } from "../../publication";

export const metadata = { title: "Preview", robots: { index: false } };

export default async function ArticlePreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole(...ROLES.articles);
  const { id } = await params;
  const post = await getPostForEdit(user, id);
  if (!post) notFound();
  return (
    <>
      <p className="rounded border border-line bg-white p-3 text-sm" data-testid="preview-banner">
        Preview: not on the public site ({<PublicationStatus post={post} now={new Date()} />}).{" "}
        <Link href={`/dashboard/articles/${post.id}`} className="text-accent underline">
          Back to editing
        </Link>
      </p>
      <article className="mt-6 max-w-3xl">
        <h1 className="font-serif text-3xl font-semibold">{post.title}</h1>
        {post.excerpt && <p className="mt-2 max-w-prose text-lg text-muted">{post.excerpt}</p>}
        <MarkdownBody html={renderMarkdown(post.body)} className="mt-6" />
      </article>
    </>
  );
}
