"use server";

import { redirect } from "next/navigation";
import { userMessageOf } from "@/lib/errors";
import { payTestCheckout } from "@/lib/payments/demo-checkout";

export type PayState = { error?: string };

export async function payTest(sessionId: string, _previous: PayState): Promise<PayState> {
  let slug: string;
  try {
    slug = await payTestCheckout(sessionId);
  } catch (error) {
    return { error: userMessageOf(error) };
  }
  redirect(`/campaigns/${encodeURIComponent(slug)}/thank-you?session_id=${encodeURIComponent(sessionId)}`);
}
