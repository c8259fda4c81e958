import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { isAppError } from "@/lib/errors";
import { getServerSecret } from "./server-secret";
import { verifyCredentials } from "./sign-in";
import { clientIp } from "./client-ip";

const SESSION_MAX_AGE = 7 * 24 * 60 * 60;

let options: Promise<NextAuthOptions> | undefined;

// next-auth's configuration. The signing secret lives in the database (made
// on first start), so sessions survive restarts and are shared by instances.
export function getAuthOptions(): Promise<NextAuthOptions> {
  options ??= getServerSecret("nextauth", "NEXTAUTH_SECRET").then(buildOptions);
  options.catch(() => (options = undefined));
  return options;
}

function buildOptions(secret: string): NextAuthOptions {
  return {
    secret,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          try {
            return await verifyCredentials(credentials, clientIp(req.headers ?? {}));
          } catch (error) {
            // A rate-limit message reaches the form; every other refusal is
            // next-auth's generic CredentialsSignin (one message for all).
            if (isAppError(error) && error.code === "RATE_LIMITED") throw new Error(error.message);
            if (isAppError(error)) return null;
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        return { ...session, userId: token.sub };
      },
    },
  };
}
