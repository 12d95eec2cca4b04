import { AppError, type AppErrorCode } from "@/lib/errors";

/** Thrown by the data layer to put a message next to one form field (e.g. an illegal stage move). */
export class FieldError extends AppError {
  constructor(
    readonly field: string,
    code: AppErrorCode,
    message: string,
  ) {
    super(code, message);
  }
}

/**
 * Thrown before a consequential act (a refund, a removal, a second gift with the same reference):
 * the form shows `userMessage` with a button that sends the same form again with confirmed=yes.
 */
export class NeedsConfirmation extends AppError {
  constructor(
    message: string,
    readonly confirmLabel: string,
  ) {
    super("NEEDS_CONFIRMATION", message);
  }
}
