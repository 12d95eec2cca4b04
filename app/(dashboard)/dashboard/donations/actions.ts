"use server";
import { formAction } from "@/lib/actions/safe-action";
import { ROLES } from "@/lib/auth/roles";
import { setDonationMessageHidden } from "@/lib/donations/donation-message";
import { recordOfflineDonation } from "@/lib/donations/offline-gift";
import { refundDonation } from "@/lib/donations/refund";
import { donationMessageSchema, refundSchema } from "@/lib/validations/donation-staff";
import { offlineDonationSchema } from "@/lib/validations/offline-gift";

export const recordOfflineDonationAction = formAction({
  roles: ROLES.donations,
  schema: offlineDonationSchema,
  handler: async (input, user) => {
    await recordOfflineDonation(user, input);
    return { message: "Offline gift recorded." };
  },
});

export const setMessageHiddenAction = formAction({
  roles: ROLES.donations,
  schema: donationMessageSchema,
  handler: async (input, user) => {
    await setDonationMessageHidden(user, input.id, input.hidden === "1");
    return { message: input.hidden === "1" ? "Message hidden." : "Message shown." };
  },
});

export const refundDonationAction = formAction({
  roles: ROLES.donations,
  schema: refundSchema,
  handler: async (input, user) => {
    await refundDonation(user, input);
    return { message: "Refund requested: the totals change when Stripe confirms it." };
  },
});
