import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handle(req: Request, context: Context) {
  return NextAuth(req as never, context as never, await getAuthOptions());
}

export { handle as GET, handle as POST };
