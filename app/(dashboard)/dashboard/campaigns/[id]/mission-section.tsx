import type { MissionStage } from "@/lib/generated/prisma/enums";
import { STAGE_LABELS, STAGES } from "@/lib/campaigns/mission-stages";
import { ActionForm, Hidden, SelectField, TextArea, TextField } from "../../_components/form";
import { moveMissionAction } from "../actions";

type Update = {
  id: string;
  fromStage: MissionStage | null;
  stage: MissionStage;
  publicNote: string;
  privateNote: string;
  publishAt: Date;
  createdAt: Date;
  author: { name: string } | null;
};

export function MissionSection({
  campaign,
}: {
  campaign: { id: string; stage: MissionStage; updates: Update[] };
}) {
  return (
    <section className="mt-10 max-w-3xl" aria-labelledby="mission">
      <h2 id="mission" className="text-lg font-semibold">
        Mission
      </h2>
      <p className="text-sm" data-testid="mission-stage">
        Current stage: {STAGE_LABELS[campaign.stage]}
      </p>
      <ActionForm action={moveMissionAction} submitLabel="Record update">
        <Hidden name="campaignId" value={campaign.id} />
        {/* Every stage is offered: the data layer decides what is legal and the error shows here. */}
        <SelectField
          name="stage"
          label="Stage"
          defaultValue={campaign.stage}
          options={STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))}
        />
        <TextArea name="publicNote" label="Public note" rows={3} hint="Shown on the campaign page." />
        <TextArea
          name="privateNote"
          label="Private note"
          rows={3}
          hint="Only coordinators and admins see this."
        />
        <TextField
          name="publishAt"
          label="Publish at (optional)"
          type="datetime-local"
          hint="Hold the public note back until then (UTC)."
        />
      </ActionForm>
      <ol className="mt-6 grid gap-3" aria-label="Timeline">
        {campaign.updates.map((u) => (
          <li key={u.id} className="rounded border border-line bg-white p-3 text-sm">
            <p className="font-medium">
              {u.fromStage && u.fromStage !== u.stage ? `${STAGE_LABELS[u.fromStage]} → ` : ""}
              {STAGE_LABELS[u.stage]} · {u.createdAt.toISOString().slice(0, 16).replace("T", " ")}
              {u.author && ` · ${u.author.name}`}
              {u.publishAt > new Date() &&
                ` · public from ${u.publishAt.toISOString().slice(0, 16).replace("T", " ")}`}
            </p>
            {u.publicNote && <p className="mt-1">{u.publicNote}</p>}
            {u.privateNote && <p className="mt-1 text-warn">Private: {u.privateNote}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
