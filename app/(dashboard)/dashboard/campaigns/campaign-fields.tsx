import { toMajorText } from "@/lib/actions/form-fields";
import { SUPPORTED_CURRENCIES } from "@/lib/money";
import { SelectField, TextArea, TextField } from "../_components/form";
import { siteDay, siteTimeZone } from "../_components/site-time";

export type CampaignDefaults = {
  title: string;
  slug: string;
  summary: string;
  story: string;
  goalAmount: bigint;
  currency: string;
  deadline: Date | null;
  peopleCount: number;
};

export function CampaignFields({ campaign }: { campaign?: CampaignDefaults }) {
  const currency = campaign?.currency ?? "JPY";
  return (
    <>
      <TextField name="title" label="Title" defaultValue={campaign?.title} />
      <TextField
        name="slug"
        label="Address (slug)"
        defaultValue={campaign?.slug}
        hint="e.g. family-of-four-2026"
      />
      <TextArea name="summary" label="Summary" rows={2} defaultValue={campaign?.summary} />
      <TextArea name="story" label="Story (Markdown)" rows={10} defaultValue={campaign?.story} preview />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="goal"
          label="Goal"
          defaultValue={campaign ? toMajorText(campaign.goalAmount, currency) : ""}
          hint="In the currency's usual units, e.g. 500000 yen or 1200.50 dollars."
        />
        <SelectField
          name="currency"
          label="Currency"
          defaultValue={currency}
          options={SUPPORTED_CURRENCIES.map((c) => ({ value: c, label: c }))}
        />
        <TextField
          name="deadline"
          label="Deadline"
          type="date"
          defaultValue={campaign?.deadline ? siteDay(campaign.deadline) : ""}
          hint={`The day in ${siteTimeZone()}.`}
        />
        <TextField
          name="peopleCount"
          label="People helped"
          type="number"
          defaultValue={String(campaign?.peopleCount ?? 0)}
        />
      </div>
    </>
  );
}
