import { handleLogin } from "@/lib/oidc/interaction-routes";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ uid: string }> }) {
  return handleLogin(request, (await params).uid);
}
