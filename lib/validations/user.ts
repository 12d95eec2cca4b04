import { z } from "zod";
import { id, required } from "@/lib/actions/form-fields";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";

export const roleSchema = z.enum(["admin", "coordinator", "editor"], { error: "Choose a role." });

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid e-mail address.").max(320));

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `At least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(256, "At most 256 characters.");

export const inviteSchema = z.object({ email: emailSchema, role: roleSchema });

export const acceptInviteSchema = z
  .object({
    token: z.string().min(20).max(200),
    name: required(80),
    password: passwordSchema,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The passwords do not match." });

export const setRoleSchema = z.object({ userId: id, role: roleSchema });
export const setDisabledSchema = z.object({ userId: id, disabled: z.enum(["1", "0"]) });
export const signOutEverywhereSchema = z.object({});
export const clearUserBlockSchema = z.object({ userId: id });
export const clearAddressBlockSchema = z.object({ address: required(100) });
