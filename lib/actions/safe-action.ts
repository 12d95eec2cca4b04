// The one wrapper every dashboard mutation goes through:
// session + role → zod safeParse → handler → { ok } | { error, fieldErrors, values }.
// The acting user always comes from the session, never from the form.
import "server-only";
import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { AppError, userMessageOf, type AppErrorCode } from "@/lib/errors";
import { FieldError, NeedsConfirmation } from "./field-error";
import type { Role } from "@/lib/generated/prisma/enums";
import { authorizeRole, type SessionUser } from "@/lib/auth/session";

export type FormValues = Record<string, string | string[]>;

export type ActionResult = (
  | { ok: true; message?: string; data?: Record<string, string> }
  | {
      ok: false;
      error: string;
      code?: AppErrorCode;
      fieldErrors: Record<string, string[]>;
      values: FormValues;
      /** Set when the act needs a second, explicit yes (code NEEDS_CONFIRMATION): the button's label. */
      confirmLabel?: string;
    }
) & {
  /** New for every answer: the form renders afresh from it (see ActionForm). */
  attempt: string;
};

export type ActionState = ActionResult | null;

export type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionResult>;

/** FormData as a plain object; a name sent more than once (checkboxes) becomes an array. */
export function formValues(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION")) continue;
    const existing = values[key];
    if (existing === undefined) values[key] = value;
    else values[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return values;
}

type Handler<S extends z.ZodType, U> = (
  input: z.output<S>,
  user: U,
) => Promise<{ message?: string; data?: Record<string, string> } | void>;

// Passwords never travel back to the browser in a failed form's values.
function safeValues(values: FormValues): FormValues {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !/password|confirm|token/i.test(key)));
}

function run<S extends z.ZodType, U>(
  schema: S,
  who: () => Promise<U>,
  handler: Handler<S, U>,
  refreshDashboard: boolean,
): FormAction {
  return async (_previous, formData) => {
    const attempt = randomUUID();
    const submitted = formValues(formData);
    const values = safeValues(submitted);
    try {
      const user = await who();
      const parsed = schema.safeParse(submitted);
      if (!parsed.success) {
        const fieldErrors: Record<string, string[]> = {};
        for (const issue of parsed.error.issues) {
          const key = String(issue.path[0] ?? "_form");
          (fieldErrors[key] ??= []).push(issue.message);
        }
        return {
          attempt,
          ok: false,
          error: "Please correct the marked fields.",
          code: "INVALID_INPUT",
          fieldErrors,
          values,
        };
      }
      const result = await handler(parsed.data, user);
      // Dashboard pages are rendered per request; this makes the client show fresh data at once.
      if (refreshDashboard) revalidatePath("/dashboard", "layout");
      return { attempt, ok: true, message: result?.message, data: result?.data };
    } catch (error) {
      // redirect()/notFound() from a handler must reach Next untouched.
      unstable_rethrow(error);
      if (!(error instanceof AppError)) console.error(error);
      const fieldErrors = error instanceof FieldError ? { [error.field]: [error.userMessage] } : {};
      const code = error instanceof AppError ? error.code : undefined;
      // A field error is shown at its field; the banner only points there.
      const message =
        error instanceof FieldError ? "Please correct the marked fields." : userMessageOf(error);
      const confirmLabel = error instanceof NeedsConfirmation ? error.confirmLabel : undefined;
      return { attempt, ok: false, error: message, code, fieldErrors, values, ...(confirmLabel ? { confirmLabel } : {}) };
    }
  };
}

/** A dashboard mutation: only the given roles, checked against the database on every call. */
export function formAction<S extends z.ZodType>(options: {
  roles: readonly Role[];
  schema: S;
  handler: Handler<S, SessionUser>;
}): FormAction {
  return run(options.schema, () => authorizeRole(options.roles), options.handler, true);
}

/** A mutation open to signed-out visitors (accepting an invitation); still validated the same way. */
export function publicFormAction<S extends z.ZodType>(options: {
  schema: S;
  handler: Handler<S, null>;
}): FormAction {
  return run(options.schema, async () => null, options.handler, false);
}
