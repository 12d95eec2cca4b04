import "server-only";
import type { FieldError } from "@/lib/actions/field-error";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Runs a write and turns a unique-constraint clash (Prisma's P2002) into a message at a form
 * field. `toFieldError` gets the clashing constraint's description (e.g. its fields), for writes
 * with more than one unique key.
 */
export async function refuseClash<T>(write: () => Promise<T>, toFieldError: (target: string) => FieldError): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw toFieldError(JSON.stringify(error.meta ?? {}));
    }
    throw error;
  }
}
