"use server";
import { publicFormAction } from "@/lib/actions/safe-action";
import { acceptInvite } from "@/lib/users/invites";
import { acceptInviteSchema } from "@/lib/validations/user";

export const acceptInviteAction = publicFormAction({
  schema: acceptInviteSchema,
  handler: async (input) => {
    await acceptInvite(input.token, input.name, input.password);
    return { message: "Your account is ready. You can sign in now." };
  },
});
