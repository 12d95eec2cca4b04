import { z } from "zod";
import {
  id,
  majorAmount,
  optionalSiteDate,
  optionalText,
  required,
  slug,
  parseStaffAmount,
  version,
} from "@/lib/actions/form-fields";
import { SUPPORTED_CURRENCIES } from "@/lib/money";

const fields = z.object({
  title: required(140),
  slug,
  summary: required(300),
  story: optionalText(50_000),
  goal: majorAmount,
  currency: z.enum(SUPPORTED_CURRENCIES, { error: "Choose a currency." }),
  deadline: optionalSiteDate,
  peopleCount: z.coerce.number({ error: "Enter a number." }).int("Whole people only.").min(0).max(100_000),
});

/** Goal typed in major units becomes minor units with the chosen currency. */
function withMinorGoal<T extends z.infer<typeof fields>>(value: T, ctx: z.RefinementCtx) {
  const goal = parseStaffAmount(value.goal, value.currency);
  if (!goal.ok) {
    ctx.addIssue({ code: "custom", path: ["goal"], message: goal.message });
    return z.NEVER;
  }
  return { ...value, goalAmount: goal.minor };
}

export const campaignCreateSchema = fields.transform(withMinorGoal);
export const campaignUpdateSchema = fields.extend({ id, version }).transform(withMinorGoal);
export const campaignStatusSchema = z.object({
  id,
  version,
  status: z.enum(["draft", "published", "closed"]),
});

export type CampaignInput = z.output<typeof campaignCreateSchema>;
