import { nextStages, STAGE_LABELS } from "@/lib/campaigns/mission-stages";
import { type MissionRecord, publicTimeline, scheduleTimeline } from "@/lib/campaigns/mission-timeline";
import type { MissionStage } from "@/lib/generated/prisma/enums";
import { ActionForm, Hidden, SelectField, TextArea, TextField } from "../../_components/form";
import { siteTimeZone, SiteTime } from "../../_components/site-time";
import { moveMissionAction, postMissionNoteAction } from "../actions";
import { PublicationLabel } from "./publication-label";

type Update = MissionRecord & {
  privateNote: string;
  createdAt: Date;
  author: { name: string } | null;
};

function NoteFields({ zone }: { zone: string }) {
  return (
    <>
      <TextArea name="publicNote" label="Public note" rows={3} hint="Shown on the campaign page." />
      <TextArea name="privateNote" label="Private note" rows={2} hint="Only coordinators and admins see this." />
      <TextField
        name="publishAt"
        label="Publish at (optional)"
        type="datetime-local"
        hint={`In ${zone} time. Empty: public at once. It also waits for any update scheduled before it.`}
      />
    </>
  );
}

export function MissionSection({
  campaign,
}: {
  campaign: { id: string; stage: MissionStage; updates: Update[] };
}) {
  const now = new Date();
  const zone = siteTimeZone();
  const seen = publicTimeline(campaign.updates, campaign.stage, now);
  const scheduled = scheduleTimeline(campaign.updates, campaign.stage);
  const byId = new Map(scheduled.map((u) => [u.id, u]));
  const upcoming = scheduled.filter((u) => u.publication.kind === "public" && u.publication.at > now);
  const moves = nextStages(campaign.stage);
  return (
    <section className="mt-10 max-w-3xl" aria-labelledby="mission">
      <h2 id="mission" className="text-lg font-semibold">
        Mission
      </h2>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted">Real stage</dt>
        <dd data-testid="mission-stage">{STAGE_LABELS[campaign.stage]}</dd>
        <dt className="text-muted">The public sees now</dt>
        <dd data-testid="mission-public-stage">{STAGE_LABELS[seen.stage]}</dd>
        {upcoming.length > 0 && (
          <>
            <dt className="text-muted">Scheduled</dt>
            <dd data-testid="mission-scheduled">
              {upcoming.length === 1 ? "1 update" : `${upcoming.length} updates`}, the next for{" "}
              <SiteTime date={(upcoming[0]!.publication as { at: Date }).at} />
            </dd>
          </>
        )}
      </dl>

      <div className="mt-4 grid gap-6 md:grid-cols-2">
        <section aria-labelledby="move-heading" className="rounded border border-line bg-white p-4">
          <h3 id="move-heading" className="font-semibold">
            Move the mission
          </h3>
          {moves.length === 0 ? (
            <p className="mt-2 text-sm text-muted">A completed mission does not move any more.</p>
          ) : (
            // After a move the form is rendered afresh (ActionForm), so the control starts at the new stage.
            <ActionForm action={moveMissionAction} submitLabel="Move stage">
              <Hidden name="campaignId" value={campaign.id} />
              <Hidden name="fromStage" value={campaign.stage} />
              <SelectField
                name="stage"
                label="Move to"
                defaultValue={campaign.stage}
                options={[
                  { value: campaign.stage, label: `${STAGE_LABELS[campaign.stage]} (current stage)` },
                  ...moves.map((s) => ({ value: s, label: STAGE_LABELS[s] })),
                ]}
                hint="A safety pause (Suspended) is public at once and withdraws the updates not yet public."
              />
              <NoteFields zone={zone} />
            </ActionForm>
          )}
        </section>
        <section aria-labelledby="note-heading" className="rounded border border-line bg-white p-4">
          <h3 id="note-heading" className="font-semibold">
            Post a note
          </h3>
          <p className="mt-1 text-sm text-muted">News without moving the mission.</p>
          <ActionForm action={postMissionNoteAction} submitLabel="Post note">
            <Hidden name="campaignId" value={campaign.id} />
            <NoteFields zone={zone} />
          </ActionForm>
        </section>
      </div>

      <ol className="mt-6 grid gap-3" aria-label="Timeline">
        {campaign.updates.map((u) => (
          <li key={u.id} className="rounded border border-line bg-white p-3 text-sm" data-testid="mission-update">
            <p className="font-medium">
              {u.stage
                ? `${u.fromStage ? `${STAGE_LABELS[u.fromStage]} → ` : ""}${STAGE_LABELS[u.stage]}`
                : "Note"}{" "}
              · recorded <SiteTime date={u.createdAt} />
              {u.author && ` · ${u.author.name}`}
            </p>
            <PublicationLabel update={byId.get(u.id)} now={now} />
            {u.publicNote && <p className="mt-1">{u.publicNote}</p>}
            {u.privateNote && <p className="mt-1 text-warn">Private: {u.privateNote}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
