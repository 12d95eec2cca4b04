import { ROLES } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/session";
import { ActionForm } from "../../_components/form";
import { createCampaignAction } from "../actions";
import { CampaignFields } from "../campaign-fields";

export default async function NewCampaignPage() {
  await requireRole(...ROLES.campaigns);
  return (
    <>
      <h1 className="font-serif text-2xl font-semibold">New campaign</h1>
      <div className="mt-6 max-w-3xl">
        <ActionForm action={createCampaignAction} submitLabel="Create campaign">
          <CampaignFields />
        </ActionForm>
      </div>
    </>
  );
}
