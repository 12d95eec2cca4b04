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
