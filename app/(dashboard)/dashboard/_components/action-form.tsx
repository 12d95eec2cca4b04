"use client";
// A form bound to one dashboard action: useActionState, the error banner, the submit button and
// the success message. Fields (./form.tsx) read the last result from the context below.
import { createContext, useActionState } from "react";
import type { ActionState, FormAction } from "@/lib/actions/safe-action";

export const FormStateContext = createContext<ActionState>(null);

export function ActionForm({
  action,
  submitLabel,
  children,
  className = "grid gap-4",
  hideMessage = false,
  success,
}: {
  action: FormAction;
  submitLabel: string;
  children?: React.ReactNode;
  className?: string;
  hideMessage?: boolean;
  /** Shown instead of the form once it succeeded (e.g. "account ready, sign in"). */
  success?: React.ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok && success) {
    return (
      <div role="status">
        {state.message} {success}
      </div>
    );
  }
  return (
    <FormStateContext.Provider value={state}>
      {/*
        A new form element after every answer. React resets a form once its action has run, to
        the defaults the controls had when they were first rendered: a select or checkbox would
        fall back to its first default (the wrong campaign, "bank transfer") after an error, and
        to the stage shown before a move after a success. Mounted afresh, each control starts
        from what was typed (after an error) or from the saved data (after a success).
      */}
      <form key={state?.attempt ?? "first"} action={formAction} className={className} noValidate>
        {state && !state.ok && (
          <div role="alert" className="rounded border border-warn bg-orange-50 p-3 text-sm text-warn">
            <p>{state.error}</p>
            {state.confirmLabel && (
              <button
                type="submit"
                name="confirmed"
                value="yes"
                disabled={pending}
                className="mt-2 rounded bg-warn px-3 py-1.5 font-medium text-white disabled:opacity-60"
              >
                {state.confirmLabel}
              </button>
            )}
          </div>
        )}
        {children}
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            disabled={pending}
            className="rounded bg-accent px-4 py-2 font-medium text-white hover:bg-accent-strong disabled:opacity-60"
          >
            {pending ? "Working…" : submitLabel}
          </button>
          {state?.ok && state.message && !hideMessage && (
            <p role="status" className="text-sm text-accent-strong">
              {state.message}
            </p>
          )}
        </div>
        {state?.ok && state.data?.link && (
          <p className="break-all rounded bg-white p-3 font-mono text-sm" data-testid="invite-link">
            {state.data.link}
          </p>
        )}
      </form>
    </FormStateContext.Provider>
  );
}
