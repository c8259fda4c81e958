import { authenticateApiRequest } from "@/lib/api/authenticate";
import { handleApi, json } from "@/lib/api/respond";
import { actorFromPrincipal } from "@/lib/projects/actor";
import { projectJson, readJsonObject } from "@/lib/projects/api-json";
import { createProject } from "@/lib/projects/mutations";
import { listProjects } from "@/lib/projects/queries";
import { getOrigin } from "@/lib/config";

export const dynamic = "force-dynamic";

// The group's projects (projects:read).
export function GET(request: Request) {
  return handleApi(async () => {
    const actor = actorFromPrincipal(await authenticateApiRequest(request));
    return json({ data: (await listProjects(actor)).map(projectJson) });
  });
}

// { "name", "description"? } (projects:write).
export function POST(request: Request) {
  return handleApi(async () => {
    const actor = actorFromPrincipal(await authenticateApiRequest(request));
    const project = await createProject(actor, await readJsonObject(request));
    return json(projectJson(project), 201, { Location: `${getOrigin()}/api/v1/projects/${project.id}` });
  });
}
