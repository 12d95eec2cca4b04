"use server";
import { formAction } from "@/lib/actions/safe-action";
import { ROLES } from "@/lib/auth/roles";
import { recordOfflineDonation, setDonationMessageHidden } from "@/lib/donations/offline-gift";
import { refundDonation } from "@/lib/donations/refund";
import { donationMessageSchema, offlineDonationSchema, refundSchema } from "@/lib/validations/offline-donation";

export const recordOfflineDonationAction = formAction({
  roles: ROLES.donations,
  schema: offlineDonationSchema,
  handler: async (input, user) => {
    await recordOfflineDonation(input, user.id);
    return { message: "Offline gift recorded." };
  },
});

export const setMessageHiddenAction = formAction({
  roles: ROLES.donations,
  schema: donationMessageSchema,
  handler: async (input, user) => {
    await setDonationMessageHidden(input.id, input.hidden === "1", user.id);
    return { message: input.hidden === "1" ? "Message hidden." : "Message shown." };
  },
});

export const refundDonationAction = formAction({
  roles: ROLES.donations,
  schema: refundSchema,
  handler: async (input, user) => {
    await refundDonation(input, user.id);
    return { message: "Refund requested: the totals change when Stripe confirms it." };
  },
});
