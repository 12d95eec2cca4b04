"use server";
import { redirect } from "next/navigation";
import { formAction } from "@/lib/actions/safe-action";
import { ROLES } from "@/lib/auth/roles";
import { createPost, setPostPublished, updatePost } from "@/lib/posts/edit-post";
import { NeedsConfirmation } from "@/lib/actions/field-error";
import { createTaxon, deleteTaxon, updateTaxon } from "@/lib/posts/edit-taxonomy";
import { siteDateTime } from "../_components/site-time";
import {
  postCreateSchema,
  postPublishSchema,
  postUpdateSchema,
  taxonDeleteSchema,
  taxonSchema,
  taxonUpdateSchema,
} from "@/lib/validations/post";

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
    const publish = input.publish === "1";
    await setPostPublished(user, { id: input.id, version: input.version, publish, publishAt: input.publishAt });
    if (!publish) return { message: "Article unpublished." };
    return {
      message:
        input.publishAt && input.publishAt > new Date()
          ? `Article scheduled for ${siteDateTime(input.publishAt)}.`
          : "Article published.",
    };
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

export const updateTaxonAction = formAction({
  roles: ROLES.articles,
  schema: taxonUpdateSchema,
  handler: async (input, user) => {
    await updateTaxon(user, input);
    return { message: input.kind === "category" ? "Category saved." : "Series saved." };
  },
});

export const deleteTaxonAction = formAction({
  roles: ROLES.articles,
  schema: taxonDeleteSchema,
  handler: async (input, user) => {
    if (!input.confirmed) {
      throw new NeedsConfirmation(
        `Delete this ${input.kind === "category" ? "category" : "series"}? Its public page goes away.`,
        "Yes, delete it",
      );
    }
    await deleteTaxon(user, input);
    return { message: input.kind === "category" ? "Category deleted." : "Series deleted." };
  },
});
