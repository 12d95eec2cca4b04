import { ROLES } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/session";
import { listSignInBlocks } from "@/lib/users/sign-in-blocks";
import { listOpenInvites, listUsers } from "@/lib/users/staff-users";
import { ActionForm, Hidden, SelectField, TextField } from "../_components/form";
import { SiteTime, siteDay, siteTimeZone } from "../_components/site-time";
import {
  clearAddressSignInBlockAction,
  clearUserSignInBlockAction,
  inviteUserAction,
  setDisabledAction,
  setRoleAction,
} from "./actions";

const ROLE_OPTIONS = [
  { value: "editor", label: "Editor – articles" },
  { value: "coordinator", label: "Coordinator – campaigns, missions, donations, articles" },
  { value: "admin", label: "Admin – everything, users and audit log" },
];

export default async function UsersPage() {
  const me = await requireRole(...ROLES.admin);
  const [users, invites, blocks] = await Promise.all([listUsers(me), listOpenInvites(me), listSignInBlocks(me)]);
  return (
    <>
      <h1 className="font-serif text-2xl font-semibold">Users</h1>
      <ul className="mt-6 grid gap-3">
        {users.map((u) => {
          const block = blocks.users.get(u.id);
          return (
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
                {block && (
                  <div className="mt-2 text-sm" data-testid="sign-in-block">
                    <p className="text-warn">
                      Sign-in blocked from {block.addresses === 1 ? "1 address" : `${block.addresses} addresses`} after
                      failed attempts, until <SiteTime date={block.until} />.
                    </p>
                    <ActionForm action={clearUserSignInBlockAction} submitLabel={`Clear sign-in block of ${u.email}`} className="mt-1">
                      <Hidden name="userId" value={u.id} />
                    </ActionForm>
                  </div>
                )}
              </div>
              <ActionForm action={setRoleAction} submitLabel="Change role" className="flex flex-wrap items-end gap-2">
                <Hidden name="userId" value={u.id} />
                <SelectField name="role" label={`Role of ${u.email}`} defaultValue={u.role} options={ROLE_OPTIONS} />
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
          );
        })}
      </ul>
      {blocks.addresses.length > 0 && (
        <section className="mt-10 max-w-xl" aria-labelledby="blocked-addresses">
          <h2 id="blocked-addresses" className="text-lg font-semibold">
            Blocked addresses
          </h2>
          <p className="text-sm text-muted">Too many failed sign-ins from these addresses, for any account.</p>
          <ul className="mt-2 grid gap-2">
            {blocks.addresses.map((b) => (
              <li key={b.address} className="rounded border border-line bg-white p-3 text-sm">
                {b.address}, until <SiteTime date={b.until} />
                <ActionForm action={clearAddressSignInBlockAction} submitLabel={`Unblock ${b.address}`} className="mt-1">
                  <Hidden name="address" value={b.address} />
                </ActionForm>
              </li>
            ))}
          </ul>
        </section>
      )}
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
                  {i.email} · {i.role} · until {siteDay(i.expiresAt)} ({siteTimeZone()})
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}
