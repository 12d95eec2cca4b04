import { toMajorText } from "@/lib/actions/form-fields";
import { ActionForm, Checkbox, Hidden, SelectField, TextArea, TextField } from "../_components/form";
import { siteDay, siteTimeZone } from "../_components/site-time";
import { recordOfflineDonationAction, updateOfflineDonationAction } from "./actions";

type Campaign = { id: string; title: string; currency: string };

/** An offline gift being corrected: its saved values and the version the form sends back. */
export type OfflineGiftDefaults = {
  id: string;
  campaignId: string;
  amount: bigint;
  currency: string;
  method: "bank_transfer" | "cash";
  receivedAt: Date;
  offlineReference: string | null;
  displayName: string | null;
  message: string | null;
  anonymous: boolean;
  updatedAt: Date;
};

export function OfflineDonationForm({ campaigns, gift }: { campaigns: Campaign[]; gift?: OfflineGiftDefaults }) {
  return (
    <ActionForm
      action={gift ? updateOfflineDonationAction : recordOfflineDonationAction}
      submitLabel={gift ? "Save gift" : "Record gift"}
    >
      {gift && (
        <>
          <Hidden name="id" value={gift.id} />
          <Hidden name="version" value={gift.updatedAt.toISOString()} />
        </>
      )}
      <SelectField
        name="campaignId"
        label="Campaign"
        defaultValue={gift?.campaignId}
        options={campaigns.map((c) => ({ value: c.id, label: `${c.title} (${c.currency})` }))}
        hint="The gift is recorded in the campaign's currency."
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="method"
          label="Method"
          defaultValue={gift?.method}
          options={[
            { value: "bank_transfer", label: "Bank transfer" },
            { value: "cash", label: "Cash" },
          ]}
        />
        <TextField
          name="receivedOn"
          label="Received on"
          type="date"
          defaultValue={siteDay(gift?.receivedAt ?? new Date())}
          hint={`The day in ${siteTimeZone()}.`}
        />
        <TextField
          name="amount"
          label="Amount"
          defaultValue={gift ? toMajorText(gift.amount, gift.currency) : ""}
          hint="In the currency's usual units, e.g. 12,000 or ¥12,000."
        />
        <TextField
          name="reference"
          label="Reference"
          defaultValue={gift?.offlineReference ?? ""}
          hint="Bank reference or receipt number."
        />
      </div>
      <TextField name="displayName" label="Public name (optional)" defaultValue={gift?.displayName ?? ""} />
      <TextArea name="message" label="Public message (optional)" rows={2} defaultValue={gift?.message ?? ""} />
      <Checkbox name="anonymous" label="Show as anonymous" defaultChecked={gift?.anonymous} />
    </ActionForm>
  );
}
