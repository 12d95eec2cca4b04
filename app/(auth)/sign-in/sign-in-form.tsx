"use client";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { signInMessage } from "@/lib/auth/messages";

export function SignInForm({
  next,
  oauth,
  initialError,
}: {
  next: string;
  oauth: { id: string; name: string }[];
  initialError: string | null;
}) {
  const [error, setError] = useState<string | null>(signInMessage(initialError));
  const [pending, setPending] = useState(false);
  // Controlled: React resets a form after its action, and a failed attempt must keep the e-mail.
  const [email, setEmail] = useState("");

  async function submit(formData: FormData) {
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(formData.get("email") ?? ""),
      password: String(formData.get("password") ?? ""),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      // A full navigation, so every server component reads the new session cookie.
      window.location.assign(next);
      return;
    }
    setError(signInMessage(result?.error ?? "failed"));
    setPending(false);
  }

  return (
    <div className="mt-6 grid gap-6">
      <form action={submit} className="grid gap-4">
        {error && (
          <p role="alert" className="rounded border border-warn bg-orange-50 p-3 text-sm text-warn">
            {error}
          </p>
        )}
        <label className="grid gap-1">
          <span className="font-medium">E-mail</span>
          <input
            name="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            className="rounded border border-line bg-white px-3 py-2"
          />
        </label>
        <label className="grid gap-1">
          <span className="font-medium">Password</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            className="rounded border border-line bg-white px-3 py-2"
          />
        </label>
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-accent px-4 py-2 font-medium text-white disabled:opacity-60"
        >
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {oauth.map((p) => (
        <button
          key={p.id}
          type="button"
          onClick={() => signIn(p.id, { callbackUrl: next })}
          className="rounded border border-line px-4 py-2"
        >
          Sign in with {p.name}
        </button>
      ))}
    </div>
  );
}
