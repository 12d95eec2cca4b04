import { ROLES } from "@/lib/auth/roles";
import { listOpenInvites, listUsers } from "@/lib/users/staff-users";
import { requireRole } from "@/lib/auth/session";
import { ActionForm, Hidden, SelectField, TextField } from "../_components/form";
import { inviteUserAction, setDisabledAction, setRoleAction } from "./actions";

const ROLE_OPTIONS = [
  { value: "editor", label: "Editor – articles" },
  { value: "coordinator", label: "Coordinator – campaigns, missions, donations, articles" },
  { value: "admin", label: "Admin – everything, users and audit log" },
];

export default async function UsersPage() {
  const me = await requireRole(...ROLES.admin);
  const [users, invites] = await Promise.all([listUsers(me), listOpenInvites(me)]);
  return (
    <>
      <h1 className="font-serif text-2xl font-semibold">Users</h1>
      <ul className="mt-6 grid gap-3">
        {users.map((u) => (
          <li
            key={u.id}
            className="grid gap-3 rounded border border-line bg-white p-4 md:grid-cols-[1fr_auto_auto]"
            data-testid="user-row"
          >
            <div>
              <p className="font-medium">
                {u.name} {u.disabledAt && <span className="text-warn">(disabled)</span>}
              </p>
              <p className="text-sm text-muted">{u.email}</p>
            </div>
            <ActionForm
              action={setRoleAction}
              submitLabel="Change role"
              className="flex flex-wrap items-end gap-2"
              hideMessage
            >
              <Hidden name="userId" value={u.id} />
              <SelectField
                name="role"
                label={`Role of ${u.email}`}
                defaultValue={u.role}
                options={ROLE_OPTIONS}
              />
            </ActionForm>
            {u.id !== me.id && (
              <ActionForm
                action={setDisabledAction}
                submitLabel={u.disabledAt ? `Enable ${u.email}` : `Disable ${u.email}`}
                className="flex items-end"
              >
                <Hidden name="userId" value={u.id} />
                <Hidden name="disabled" value={u.disabledAt ? "0" : "1"} />
              </ActionForm>
            )}
          </li>
        ))}
      </ul>
      <section className="mt-10 max-w-xl" aria-labelledby="invite">
        <h2 id="invite" className="text-lg font-semibold">
          Invite someone
        </h2>
        <ActionForm action={inviteUserAction} submitLabel="Create invitation">
          <TextField name="email" label="E-mail" type="email" />
          <SelectField name="role" label="Role" defaultValue="editor" options={ROLE_OPTIONS} />
        </ActionForm>
        {invites.length > 0 && (
          <>
            <h3 className="mt-6 font-semibold">Open invitations</h3>
            <ul className="mt-2 list-disc pl-5 text-sm">
              {invites.map((i) => (
                <li key={i.id}>
                  {i.email} · {i.role} · until {i.expiresAt.toISOString().slice(0, 10)}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}
