import { redirect } from "next/navigation";
import { env } from "@/lib/env";
import { getSessionUser } from "@/lib/auth/session";
import { SignInForm } from "./sign-in-form";

export const metadata = { title: "Sign in", robots: { index: false } };

type Search = Promise<Record<string, string | string[] | undefined>>;

/** Only same-site paths: an open redirect after sign-in would help phishing. */
function safeNext(value: string | string[] | undefined): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") ? value : "/dashboard";
}

export default async function SignInPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const next = safeNext(params.callbackUrl);
  if (await getSessionUser()) redirect(next);
  const oauth = [
    ...(env.GITHUB_ID && env.GITHUB_SECRET ? [{ id: "github", name: "GitHub" }] : []),
    ...(env.GOOGLE_ID && env.GOOGLE_SECRET ? [{ id: "google", name: "Google" }] : []),
  ];
  return (
    <>
      <h1 className="font-serif text-2xl font-semibold">Sign in</h1>
      <p className="mt-2 text-muted">For coordinators, editors and admins of this organisation.</p>
      <SignInForm
        next={next}
        oauth={oauth}
        initialError={typeof params.error === "string" ? params.error : null}
      />
    </>
  );
}
