"use server";
import { NeedsConfirmation } from "@/lib/actions/field-error";
import { formAction } from "@/lib/actions/safe-action";
import { ROLES } from "@/lib/auth/roles";
import { setDonationMessageHidden } from "@/lib/donations/donation-message";
import { recordOfflineDonation, updateOfflineDonation, voidOfflineDonation } from "@/lib/donations/offline-gift";
import { refundDonation } from "@/lib/donations/refund";
import { donationMessageSchema, refundSchema } from "@/lib/validations/donation-staff";
import {
  offlineDonationSchema,
  offlineDonationUpdateSchema,
  offlineDonationVoidSchema,
} from "@/lib/validations/offline-gift";

export const recordOfflineDonationAction = formAction({
  roles: ROLES.donations,
  schema: offlineDonationSchema,
  handler: async (input, user) => {
    await recordOfflineDonation(user, input);
    return { message: "Offline gift recorded." };
  },
});

export const updateOfflineDonationAction = formAction({
  roles: ROLES.donations,
  schema: offlineDonationUpdateSchema,
  handler: async (input, user) => {
    await updateOfflineDonation(user, input);
    return { message: "Gift saved. The totals follow." };
  },
});

export const voidOfflineDonationAction = formAction({
  roles: ROLES.donations,
  schema: offlineDonationVoidSchema,
  handler: async (input, user) => {
    if (!input.confirmed) {
      throw new NeedsConfirmation(
        "Void this gift? It stays in the list for staff but no longer counts in any total.",
        "Yes, void this gift",
      );
    }
    await voidOfflineDonation(user, input);
    return { message: "Gift voided: it no longer counts." };
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
