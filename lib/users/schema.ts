import { z } from "zod";
import { ROLES } from "@/lib/platform/roles";

const id = z
  .string({ error: "Missing user id." })
  .trim()
  .min(1, "Missing user id.")
  .max(64, "That user id is not valid.");
const email = z
  .string({ error: "Enter an email address." })
  .trim()
  .toLowerCase()
  .max(254, "Email is too long.")
  .pipe(z.email("Enter a valid email address."));
const name = z
  .string({ error: "Enter a name." })
  .trim()
  .min(1, "Enter a name.")
  .max(120, "Keep the name under 120 characters.");
const role = z.enum(ROLES, { error: "Choose a role: admin, editor or writer." });
export const newPassword = z
  .string()
  .min(12, "Use at least 12 characters.")
  .max(256, "Keep the password under 256 characters.");

export const CreateUserSchema = z.object({ email, name, role });
export const ChangeRoleSchema = z.object({ userId: id, role });
export const SetActiveSchema = z.object({
  userId: id,
  active: z.enum(["true", "false"], { error: "Choose active or inactive." }).transform((v) => v === "true"),
});
export const ResetPasswordSchema = z.object({ userId: id });
export const ChangeOwnPasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(1024),
    newPassword,
    confirmPassword: z.string().max(1024),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords differ.",
  });
export const NoInputSchema = z.object({}).loose();
