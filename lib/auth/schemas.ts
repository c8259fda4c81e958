import { z } from "zod";

export const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your email address").email("Enter a valid email address"),
  password: z.string().min(1, "Enter your password").max(1024, "That password is too long"),
});

export type SignInInput = z.infer<typeof signInSchema>;

export const SIGN_IN_FAILED = "Incorrect email or password.";
