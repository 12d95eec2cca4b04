// Errors a user may see. `userMessage` is safe to show; everything else goes to the logs only.
export type AppErrorCode =
  | "NOT_FOUND"
  | "FORBIDDEN"
  | "UNAUTHENTICATED"
  | "INVALID_INPUT"
  | "CONFLICT"
  | "NEEDS_CONFIRMATION"
  | "ILLEGAL_STAGE_MOVE"
  | "CAMPAIGN_NOT_ACCEPTING"
  | "RATE_LIMITED"
  | "PAYMENT_PROVIDER";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly userMessage: string,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${userMessage}`, options);
    this.name = "AppError";
  }
}

export const GENERIC_ERROR_MESSAGE = "Something went wrong on our side. Please try again in a moment.";

export function userMessageOf(error: unknown): string {
  return error instanceof AppError ? error.userMessage : GENERIC_ERROR_MESSAGE;
}
