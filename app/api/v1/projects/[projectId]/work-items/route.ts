import { authenticateApiRequest } from "@/lib/api/authenticate";
import { handleApi, json } from "@/lib/api/respond";
import { getOrigin } from "@/lib/config";
import { actorFromPrincipal } from "@/lib/projects/actor";
import { readJsonObject, workItemJson } from "@/lib/projects/api-json";
import { listWorkItems } from "@/lib/projects/queries";
import { workItemFilterSchema } from "@/lib/projects/schemas";
import { createWorkItem } from "@/lib/projects/work-item-mutations";
import { parseInput } from "@/lib/validation";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ projectId: string }> };

// The project's work items, by sequence; ?state=todo filters (work_items:read).
export function GET(request: Request, { params }: Context) {
  return handleApi(async () => {
    const actor = actorFromPrincipal(await authenticateApiRequest(request));
    const query = new URL(request.url).searchParams;
    const filter = parseInput(workItemFilterSchema, { state: query.get("state") ?? undefined });
    return json({ data: (await listWorkItems(actor, (await params).projectId, filter)).map(workItemJson) });
  });
}

// { "title", "description"?, "state"?, "assignee"?: { "type", "id" } | null } (work_items:write).
export function POST(request: Request, { params }: Context) {
  return handleApi(async () => {
    const actor = actorFromPrincipal(await authenticateApiRequest(request));
    const item = await createWorkItem(actor, (await params).projectId, await readJsonObject(request));
    return json(workItemJson(item), 201, { Location: `${getOrigin()}/api/v1/work-items/${item.id}` });
  });
}
