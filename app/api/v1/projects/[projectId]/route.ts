import { authenticateApiRequest } from "@/lib/api/authenticate";
import { handleApi, json } from "@/lib/api/respond";
import { actorFromPrincipal } from "@/lib/projects/actor";
import { noContent, projectJson, readJsonObject } from "@/lib/projects/api-json";
import { deleteProject, updateProject } from "@/lib/projects/mutations";
import { getProject } from "@/lib/projects/queries";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ projectId: string }> };

export function GET(request: Request, { params }: Context) {
  return handleApi(async () => {
    const actor = actorFromPrincipal(await authenticateApiRequest(request));
    return json(projectJson(await getProject(actor, (await params).projectId)));
  });
}

// { "name"?, "description"? } (projects:write).
export function PATCH(request: Request, { params }: Context) {
  return handleApi(async () => {
    const actor = actorFromPrincipal(await authenticateApiRequest(request));
    return json(projectJson(await updateProject(actor, (await params).projectId, await readJsonObject(request))));
  });
}

// Deletes the project with its work items (projects:write).
export function DELETE(request: Request, { params }: Context) {
  return handleApi(async () => {
    const actor = actorFromPrincipal(await authenticateApiRequest(request));
    await deleteProject(actor, (await params).projectId);
    return noContent();
  });
}
