"use server";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/safe-action";
import { ROLES } from "@/lib/auth/roles";
import { createPost, setPostPublished, updatePost } from "@/lib/posts/edit-post";
import { createTaxon } from "@/lib/posts/edit-taxonomy";
import { postCreateSchema, postPublishSchema, postUpdateSchema, taxonSchema } from "@/lib/validations/post";

export const createPostAction = formAction({
  roles: ROLES.articles,
  schema: postCreateSchema,
  handler: async (input, user) => {
    const id = await createPost(user, input);
    redirect(`/dashboard/articles/${id}?created=1`);
  },
});

export const updatePostAction = formAction({
  roles: ROLES.articles,
  schema: postUpdateSchema,
  handler: async (input, user) => {
    await updatePost(user, input);
    return { message: "Article saved." };
  },
});

export const setPostPublishedAction = formAction({
  roles: ROLES.articles,
  schema: postPublishSchema,
  handler: async (input, user) => {
    await setPostPublished(user, { id: input.id, version: input.version, publish: input.publish === "1" });
    return { message: input.publish === "1" ? "Article published." : "Article unpublished." };
  },
});

export const createTaxonAction = formAction({
  roles: ROLES.articles,
  schema: taxonSchema,
  handler: async (input, user) => {
    await createTaxon(user, input);
    return { message: input.kind === "category" ? "Category added." : "Series added." };
  },
});
