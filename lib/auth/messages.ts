// Sign-in messages, shared by the server check and the form. One message for every wrong
// e-mail/password case, so the form never tells whether an account exists.
export const SIGN_IN_FAILED = "The e-mail or password is not right.";
export const SIGN_IN_BLOCKED = "Too many attempts. Please wait 15 minutes and try again.";

export function signInMessage(error: string | null | undefined): string | null {
  if (!error) return null;
  if (error === SIGN_IN_BLOCKED) return SIGN_IN_BLOCKED;
  if (error === "AccessDenied") return "This account cannot sign in here. Ask an admin for an invitation.";
  return SIGN_IN_FAILED;
}
