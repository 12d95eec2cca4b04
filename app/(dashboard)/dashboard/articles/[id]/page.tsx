import { notFound } from "next/navigation";
import { ROLES } from "@/lib/auth/roles";
import { getPostForEdit, getPostFormChoices } from "@/lib/posts/staff-posts";
import { requireRole } from "@/lib/auth/session";
import { ActionForm, Hidden } from "../../_components/form";
import { setPostPublishedAction, updatePostAction } from "../actions";
import { PostFields } from "../post-fields";

export default async function EditArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole(...ROLES.articles);
  const { id } = await params;
  const [post, choices] = await Promise.all([getPostForEdit(user, id), getPostFormChoices(user)]);
  if (!post) notFound();
  const published = post.status === "published";
  return (
    <>
      <h1 className="font-serif text-2xl font-semibold">{post.title}</h1>
      <p className="text-sm text-muted" data-testid="post-status">
        Status: {post.status}
      </p>
      <div className="mt-3">
        <ActionForm
          action={setPostPublishedAction}
          submitLabel={published ? "Unpublish" : "Publish"}
          className="flex gap-2"
        >
          <Hidden name="id" value={post.id} />
          <Hidden name="version" value={String(post.version)} />
          <Hidden name="publish" value={published ? "0" : "1"} />
        </ActionForm>
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
