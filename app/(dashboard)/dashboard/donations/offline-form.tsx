import { ActionForm, Checkbox, SelectField, TextArea, TextField } from "../_components/form";
import { recordOfflineDonationAction } from "./actions";

export function OfflineDonationForm({
  campaigns,
}: {
  campaigns: { id: string; title: string; currency: string }[];
}) {
  return (
    <ActionForm action={recordOfflineDonationAction} submitLabel="Record gift">
      <SelectField
        name="campaignId"
        label="Campaign"
        options={campaigns.map((c) => ({ value: c.id, label: `${c.title} (${c.currency})` }))}
        hint="The gift is recorded in the campaign's currency."
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="method"
          label="Method"
          options={[
            { value: "bank_transfer", label: "Bank transfer" },
            { value: "cash", label: "Cash" },
          ]}
        />
        <TextField
          name="receivedOn"
          label="Received on"
          type="date"
          defaultValue={new Date().toISOString().slice(0, 10)}
        />
        <TextField name="amount" label="Amount" hint="In the currency's usual units." />
        <TextField name="reference" label="Reference" hint="Bank reference or receipt number." />
      </div>
      <TextField name="displayName" label="Public name (optional)" />
      <TextArea name="message" label="Public message (optional)" rows={2} />
      <Checkbox name="anonymous" label="Show as anonymous" />
    </ActionForm>
  );
}
