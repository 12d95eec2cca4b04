"use server";
import { formAction } from "@/lib/actions/safe-action";
import { ROLES } from "@/lib/auth/roles";
import { signOutEverywhere } from "@/lib/users/edit-user";
import { signOutEverywhereSchema } from "@/lib/validations/user";

export const signOutEverywhereAction = formAction({
  roles: ROLES.staff,
  schema: signOutEverywhereSchema,
  handler: async (_input, user) => {
    await signOutEverywhere(user);
    return { message: "Every session has been ended, this one included." };
  },
});
