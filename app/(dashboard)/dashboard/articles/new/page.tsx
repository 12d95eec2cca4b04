import Link from "next/link";
import { ROLES } from "@/lib/auth/roles";
import { getPostFormChoices } from "@/lib/posts/staff-posts";
import { requireRole } from "@/lib/auth/session";
import { ActionForm } from "../../_components/form";
import { createPostAction } from "../actions";
import { PostFields } from "../post-fields";

export default async function NewArticlePage() {
  const user = await requireRole(...ROLES.articles);
  const choices = await getPostFormChoices(user);
  return (
    <>
      <h1 className="font-serif text-2xl font-semibold">New article</h1>
      {choices.categories.length === 0 ? (
        <p className="mt-4">
          Add a category first:{" "}
          <Link href="/dashboard/articles/taxonomy" className="text-accent underline">
            categories and series
          </Link>
          .
        </p>
      ) : (
        <div className="mt-6 max-w-3xl">
          <ActionForm action={createPostAction} submitLabel="Create article">
            <PostFields choices={choices} />
          </ActionForm>
        </div>
      )}
    </>
  );
}
