"use server";
import { formAction } from "@/lib/actions/safe-action";
import { ROLES } from "@/lib/auth/roles";
import { createInvite } from "@/lib/users/invites";
import { setUserDisabled, setUserRole } from "@/lib/users/edit-user";
import { clearAddressSignInBlock, clearUserSignInBlocks } from "@/lib/users/sign-in-blocks";
import { env } from "@/lib/env";
import {
  clearAddressBlockSchema,
  clearUserBlockSchema,
  inviteSchema,
  setDisabledSchema,
  setRoleSchema,
} from "@/lib/validations/user";

export const inviteUserAction = formAction({
  roles: ROLES.admin,
  schema: inviteSchema,
  handler: async (input, user) => {
    const { token } = await createInvite(user, input);
    const link = `${env.appUrl}/invite/${token}`;
    // Until the app sends e-mail, the admin passes the link on; the server log keeps a copy.
    console.log(`Invitation for ${input.email} (${input.role}): ${link}`);
    return {
      message: "Invitation created. Send this link to the person; it works once, for 7 days.",
      data: { link },
    };
  },
});

export const setRoleAction = formAction({
  roles: ROLES.admin,
  schema: setRoleSchema,
  handler: async (input, user) => {
    const result = await setUserRole(user, input.userId, input.role);
    return {
      message: result.changed
        ? `${result.email} is now ${input.role}. Their sessions were ended: the new role applies from their next sign-in.`
        : `${result.email} already is ${input.role}: nothing changed.`,
    };
  },
});

export const setDisabledAction = formAction({
  roles: ROLES.admin,
  schema: setDisabledSchema,
  handler: async (input, user) => {
    if (input.userId === user.id) return { message: "You cannot disable yourself." };
    await setUserDisabled(user, input.userId, input.disabled === "1");
    return { message: input.disabled === "1" ? "User disabled and signed out." : "User enabled." };
  },
});

export const clearUserSignInBlockAction = formAction({
  roles: ROLES.admin,
  schema: clearUserBlockSchema,
  handler: async (input, user) => {
    const cleared = await clearUserSignInBlocks(user, input.userId);
    return { message: cleared ? "Sign-in block cleared: they can try again from every address." : "There was no block left to clear." };
  },
});

export const clearAddressSignInBlockAction = formAction({
  roles: ROLES.admin,
  schema: clearAddressBlockSchema,
  handler: async (input, user) => {
    await clearAddressSignInBlock(user, input.address);
    return { message: "Address unblocked." };
  },
});
