import { findOpenInvite, INVITE_INVALID } from "@/lib/users/invites";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import Link from "next/link";
import { ActionForm, Hidden, TextField } from "@/app/(dashboard)/dashboard/_components/form";
import { acceptInviteAction } from "./actions";

export const metadata = { title: "Accept invitation", robots: { index: false } };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await findOpenInvite(token);
  if (!invite) {
    return (
      <>
        <h1 className="font-serif text-2xl font-semibold">Invitation</h1>
        <p className="mt-4">{INVITE_INVALID}</p>
      </>
    );
  }
  return (
    <>
      <h1 className="font-serif text-2xl font-semibold">Welcome</h1>
      <p className="mt-2 text-muted">
        Set a password for {invite.email} ({invite.role}). At least {MIN_PASSWORD_LENGTH} characters.
      </p>
      <div className="mt-6">
        <ActionForm
          action={acceptInviteAction}
          submitLabel="Create my account"
          success={
            <Link href="/sign-in" className="text-accent underline">
              Sign in
            </Link>
          }
        >
          <Hidden name="token" value={token} />
          <TextField name="name" label="Name shown to colleagues" hint="Initials are fine, e.g. “A. K.”" />
          <TextField name="password" label="Password" type="password" />
          <TextField name="confirm" label="Password again" type="password" />
        </ActionForm>
      </div>
    </>
  );
}
