import { z } from "zod";

// Member management: one set of schemas for the members page's forms and the
// server (actions and data layer).

export const ROLES = ["ADMIN", "MEMBER", "VIEWER"] as const;

export const roleSchema = z.enum(ROLES, { error: "Choose a role: admin, member or viewer" });

export const addMemberSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "Enter the person's email address").max(254, "That email address is too long").email("Enter a valid email address"),
  role: roleSchema,
});

export const changeMemberRoleSchema = z.object({ role: roleSchema });

export type AddMemberInput = z.input<typeof addMemberSchema>;
export type AddMember = z.output<typeof addMemberSchema>;
export type ChangeMemberRoleInput = z.input<typeof changeMemberRoleSchema>;
