import { ActionForm, Hidden, TextArea, TextField } from "../../_components/form";
import { createBeneficiaryAction, deleteBeneficiaryAction, updateBeneficiaryAction } from "../actions";

type Beneficiary = {
  id: string;
  publicLabel: string;
  privateName: string;
  privateLocation: string;
  privateContact: string;
  privateNotes: string;
  version: number;
};

function Fields({ b }: { b?: Beneficiary }) {
  return (
    <>
      <TextField
        name="publicLabel"
        label="Public label"
        defaultValue={b?.publicLabel}
        hint="Safe to publish, e.g. “a mother and two children”."
      />
      <TextField name="privateName" label="Name (private)" defaultValue={b?.privateName} />
      <TextField name="privateLocation" label="Location (private)" defaultValue={b?.privateLocation} />
      <TextField name="privateContact" label="Contact (private)" defaultValue={b?.privateContact} />
      <TextArea name="privateNotes" label="Notes (private)" defaultValue={b?.privateNotes} rows={2} />
    </>
  );
}

export function BeneficiariesSection({
  campaignId,
  beneficiaries,
}: {
  campaignId: string;
  beneficiaries: Beneficiary[];
}) {
  return (
    <section className="mt-10 max-w-3xl" aria-labelledby="people">
      <h2 id="people" className="text-lg font-semibold">
        People this mission protects
      </h2>
      <p className="text-sm text-muted">Private fields never leave the dashboard.</p>
      <ul className="mt-4 grid gap-4">
        {beneficiaries.map((b) => (
          <li key={b.id} className="rounded border border-line bg-white p-4">
            <details>
              <summary className="cursor-pointer font-medium">{b.publicLabel}</summary>
              <ActionForm action={updateBeneficiaryAction} submitLabel="Save">
                <Hidden name="id" value={b.id} />
                <Hidden name="version" value={String(b.version)} />
                <Fields b={b} />
              </ActionForm>
              {/* Asks for a yes first (the server answers with a confirmation button). */}
              <ActionForm action={deleteBeneficiaryAction} submitLabel="Remove…" className="mt-3">
                <Hidden name="id" value={b.id} />
              </ActionForm>
            </details>
          </li>
        ))}
      </ul>
      <details className="mt-4">
        <summary className="cursor-pointer text-accent underline">Add a person</summary>
        <ActionForm action={createBeneficiaryAction} submitLabel="Add person">
          <Hidden name="campaignId" value={campaignId} />
          <Fields />
        </ActionForm>
      </details>
    </section>
  );
}
