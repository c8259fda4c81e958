import { handleAbort } from "@/lib/oidc/interaction-routes";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ uid: string }> }) {
  return handleAbort(request, (await params).uid);
}
