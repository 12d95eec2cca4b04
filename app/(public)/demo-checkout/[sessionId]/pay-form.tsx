"use client";

import { useActionState } from "react";
import type { PayState } from "./actions";

export function PayForm({ action, label }: { action: (state: PayState) => Promise<PayState>; label: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="mt-6">
      {state.error && (
        <p role="alert" className="mb-3 text-warn">
          {state.error}
        </p>
      )}
      <button type="submit" disabled={pending} className="rounded bg-accent px-5 py-2 font-semibold text-white disabled:opacity-60">
        {pending ? "Paying…" : label}
      </button>
    </form>
  );
}
