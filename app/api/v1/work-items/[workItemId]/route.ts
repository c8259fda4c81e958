import { authenticateApiRequest } from "@/lib/api/authenticate";
import { handleApi, json } from "@/lib/api/respond";
import { actorFromPrincipal } from "@/lib/projects/actor";
import { noContent, readJsonObject, workItemJson } from "@/lib/projects/api-json";
import { getWorkItem } from "@/lib/projects/queries";
import { deleteWorkItem, updateWorkItem } from "@/lib/projects/work-item-mutations";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workItemId: string }> };

export function GET(request: Request, { params }: Context) {
  return handleApi(async () => {
    const actor = actorFromPrincipal(await authenticateApiRequest(request));
    return json(workItemJson(await getWorkItem(actor, (await params).workItemId)));
  });
}

// Only the fields sent change; "assignee": null unassigns (work_items:write).
export function PATCH(request: Request, { params }: Context) {
  return handleApi(async () => {
    const actor = actorFromPrincipal(await authenticateApiRequest(request));
    return json(workItemJson(await updateWorkItem(actor, (await params).workItemId, await readJsonObject(request))));
  });
}

export function DELETE(request: Request, { params }: Context) {
  return handleApi(async () => {
    const actor = actorFromPrincipal(await authenticateApiRequest(request));
    await deleteWorkItem(actor, (await params).workItemId);
    return noContent();
  });
}
