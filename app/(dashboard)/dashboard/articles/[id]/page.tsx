import Link from "next/link";
import { notFound } from "next/navigation";
import { ROLES } from "@/lib/auth/roles";
import { getPostForEdit, getPostFormChoices } from "@/lib/posts/staff-posts";
import { requireRole } from "@/lib/auth/session";
import { ActionForm, Hidden, TextField } from "../../_components/form";
import { siteDateTimeInput, siteTimeZone } from "../../_components/site-time";
import { setPostPublishedAction, updatePostAction } from "../actions";
import { PostFields } from "../post-fields";
import { isScheduled, PublicationStatus } from "../publication";

export default async function EditArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole(...ROLES.articles);
  const { id } = await params;
  const [post, choices] = await Promise.all([getPostForEdit(user, id), getPostFormChoices(user)]);
  if (!post) notFound();
  const now = new Date();
  const published = post.status === "published";
  const live = published && !isScheduled(post, now);
  return (
    <>
      <h1 className="font-serif text-2xl font-semibold">{post.title}</h1>
      <p className="text-sm text-muted" data-testid="post-status">
        Status: <PublicationStatus post={post} now={now} />
      </p>
      <p className="mt-1 text-sm">
        {live ? (
          <Link href={`/news/${post.slug}`} className="text-accent underline">
            View on the site
          </Link>
        ) : (
          // Not public yet: its public address answers "not found" until then; staff read it here.
          <Link href={`/dashboard/articles/${post.id}/preview`} className="text-accent underline">
            Preview
          </Link>
        )}
      </p>
      <div className="mt-3 flex flex-wrap items-end gap-6">
        <ActionForm
          action={setPostPublishedAction}
          submitLabel={published ? "Change publication time" : "Publish"}
          className="flex flex-wrap items-end gap-2"
        >
          <Hidden name="id" value={post.id} />
          <Hidden name="version" value={String(post.version)} />
          <Hidden name="publish" value="1" />
          <TextField
            name="publishAt"
            label="Publish at (optional)"
            type="datetime-local"
            defaultValue={published ? siteDateTimeInput(post.publishedAt) : ""}
            hint={`In ${siteTimeZone()} time. Empty: at once. A later time schedules it.`}
          />
        </ActionForm>
        {published && (
          <ActionForm action={setPostPublishedAction} submitLabel="Unpublish" className="flex gap-2">
            <Hidden name="id" value={post.id} />
            <Hidden name="version" value={String(post.version)} />
            <Hidden name="publish" value="0" />
          </ActionForm>
        )}
      </div>
      <div className="mt-6 max-w-3xl">
        <ActionForm action={updatePostAction} submitLabel="Save article">
          <Hidden name="id" value={post.id} />
          <Hidden name="version" value={String(post.version)} />
          <PostFields post={post} choices={choices} />
        </ActionForm>
      </div>
    </>
  );
}
