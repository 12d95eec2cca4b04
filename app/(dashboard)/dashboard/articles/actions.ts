"use server";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/safe-action";
import { ROLES } from "@/lib/auth/roles";
import { createPost, setPostPublished, updatePost } from "@/lib/posts/edit-post";
import { createCategory, createSeries } from "@/lib/posts/edit-taxonomy";
import {
  categorySchema,
  postCreateSchema,
  postPublishSchema,
  postUpdateSchema,
  seriesSchema,
} from "@/lib/validations/post";

export const createPostAction = formAction({
  roles: ROLES.articles,
  schema: postCreateSchema,
  handler: async (input, user) => {
    const id = await createPost(input, user.id);
    redirect(`/dashboard/articles/${id}?created=1`);
  },
});

export const updatePostAction = formAction({
  roles: ROLES.articles,
  schema: postUpdateSchema,
  handler: async (input, user) => {
    await updatePost(input, user.id);
    return { message: "Article saved." };
  },
});

export const setPostPublishedAction = formAction({
  roles: ROLES.articles,
  schema: postPublishSchema,
  handler: async (input, user) => {
    await setPostPublished(input.id, input.version, input.publish === "1", user.id);
    return { message: input.publish === "1" ? "Article published." : "Article unpublished." };
  },
});

export const createCategoryAction = formAction({
  roles: ROLES.articles,
  schema: categorySchema,
  handler: async (input, user) => {
    await createCategory(input, user.id);
    return { message: "Category added." };
  },
});

export const createSeriesAction = formAction({
  roles: ROLES.articles,
  schema: seriesSchema,
  handler: async (input, user) => {
    await createSeries(input, user.id);
    return { message: "Series added." };
  },
});
