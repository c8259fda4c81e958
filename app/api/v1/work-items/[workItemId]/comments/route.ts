import { authenticateApiRequest } from "@/lib/api/authenticate";
import { handleApi, json } from "@/lib/api/respond";
import { actorFromPrincipal } from "@/lib/projects/actor";
import { commentJson, readJsonObject } from "@/lib/projects/api-json";
import { addComment } from "@/lib/projects/comments";
import { listComments } from "@/lib/projects/queries";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workItemId: string }> };

// The work item's comments, oldest first (work_items:read).
export function GET(request: Request, { params }: Context) {
  return handleApi(async () => {
    const actor = actorFromPrincipal(await authenticateApiRequest(request));
    return json({ data: (await listComments(actor, (await params).workItemId)).map(commentJson) });
  });
}

// { "body" } (work_items:write); written as the token's user or bot.
export function POST(request: Request, { params }: Context) {
  return handleApi(async () => {
    const actor = actorFromPrincipal(await authenticateApiRequest(request));
    return json(commentJson(await addComment(actor, (await params).workItemId, await readJsonObject(request))), 201);
  });
}
