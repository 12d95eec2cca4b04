"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDonateCampaign } from "@/lib/donations/public-donation";
import { userMessageOf } from "@/lib/errors";
import { startCheckout } from "@/lib/payments/checkout";
import { clientIp, consume, retryMessage } from "@/lib/rate-limit";
import { parseDonationForm } from "@/lib/validations/donation";

export type DonateState = {
  error?: string;
  fieldErrors?: Record<string, string>;
  /** What the donor typed, so a refused form keeps it. */
  values?: Record<string, string>;
};

const FIELDS = ["amount", "customAmount", "frequency", "coverFees", "anonymous", "displayName", "message", "email"];

export async function donate(slug: string, _previous: DonateState, formData: FormData): Promise<DonateState> {
  const values: Record<string, string> = {};
  for (const field of FIELDS) {
    const value = formData.get(field);
    if (typeof value === "string") values[field] = value;
  }
  const campaign = await getDonateCampaign(slug);
  if (!campaign || campaign.status !== "published") {
    return { error: "This campaign is not accepting gifts.", values };
  }
  const parsed = parseDonationForm(campaign.currency, values);
  if (!parsed.success) return { fieldErrors: parsed.fieldErrors, values };

  const limit = await consume("checkout", clientIp(await headers()));
  if (!limit.ok) return { error: `Too many attempts from your connection. ${retryMessage(limit.retryAfterSeconds)}`, values };

  let url: string;
  try {
    url = await startCheckout(campaign, parsed.data);
  } catch (error) {
    return { error: userMessageOf(error), values };
  }
  redirect(url);
}
