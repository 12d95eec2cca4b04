"use server";

import { redirect } from "next/navigation";
import { userMessageOf } from "@/lib/errors";
import { payDemoCheckout } from "@/lib/payments/demo-checkout";

export type PayState = { error?: string };

export async function payDemo(sessionId: string, _previous: PayState): Promise<PayState> {
  let slug: string;
  try {
    slug = await payDemoCheckout(sessionId);
  } catch (error) {
    return { error: userMessageOf(error) };
  }
  redirect(`/campaigns/${encodeURIComponent(slug)}/thank-you?session_id=${encodeURIComponent(sessionId)}`);
}
